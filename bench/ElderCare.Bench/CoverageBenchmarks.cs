using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Coverage;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Bench;

/// <summary>
/// GET /api/coverage and GET /api/kpis through the real app, against hand-written SQL baselines computing the same
/// numbers (the KPIs' 15-minute circle: positions by hand SQL, the same walk), checked in <see cref="Setup"/> before
/// anything is timed, all in this one process on the city data.
/// The handler rows split the app's time into queries + rules versus HTTP + JSON; /health is the trivial-endpoint floor.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CoverageBenchmarks
{
    public const string Coverage = "coverage";
    public const string Kpis = "kpis";
    public const string Reference = "reference";

    private CityApp _city = null!;

    [GlobalSetup]
    public async Task Setup() => _city = await CityApp.SharedAsync();

    [Benchmark(Baseline = true, Description = "coverage: single SQL (baseline)")]
    [BenchmarkCategory(Coverage)]
    public Task<List<CoverageCell>> CoverageSql() => BaselineSql.CoverageAsync(_city.BaselineConnection, CityApp.AsOf);

    [Benchmark(Description = "GET /api/coverage")]
    [BenchmarkCategory(Coverage)]
    public Task<int> CoverageApi() => _city.GetAsync(CityApp.CoverageUrl);

    // The use case as the endpoint calls it for district staff, without authentication, routing or JSON.
    [Benchmark(Description = "coverage: GetCoverage.Handle, no HTTP/JSON")]
    [BenchmarkCategory(Coverage)]
    public async Task<int> CoverageHandler()
    {
        await using var scope = _city.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outcome = await GetCoverage.Handle(CityApp.AsOf, null, DataScope.District, db, TimeProvider.System, CancellationToken.None);
        return outcome.Value!.Units.Count;
    }

    [Benchmark(Baseline = true, Description = "kpis: hand SQL + the circle walk (baseline)")]
    [BenchmarkCategory(Kpis)]
    public Task<List<KpiValue>> KpisSql() => BaselineSql.KpisAsync(_city.BaselineConnection, CityApp.AsOf);

    [Benchmark(Description = "GET /api/kpis")]
    [BenchmarkCategory(Kpis)]
    public Task<int> KpisApi() => _city.GetAsync(CityApp.KpisUrl);

    [Benchmark(Description = "kpis: GetKpis.Handle, no HTTP/JSON")]
    [BenchmarkCategory(Kpis)]
    public async Task<int> KpisHandler()
    {
        await using var scope = _city.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outcome = await GetKpis.Handle(CityApp.AsOf, DataScope.District, db, TimeProvider.System, CancellationToken.None);
        return outcome.Value!.Count;
    }

    [Benchmark(Baseline = true, Description = "GET /health")]
    [BenchmarkCategory(Reference)]
    public Task<int> Health() => _city.GetAsync("/health");
}
