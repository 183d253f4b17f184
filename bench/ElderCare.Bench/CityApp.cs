using System.Net.Http.Headers;
using System.Text.Json;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ElderCare.Bench;

/// <summary>The real app, in-process (TestServer), on the city database; production settings, quiet logs.</summary>
public sealed class CityAppFactory : WebApplicationFactory<Program>
{
    private readonly string _databaseFile;
    private readonly Action<IServiceCollection>? _services;

    public CityAppFactory(string databaseFile, Action<IServiceCollection>? services = null)
    {
        _databaseFile = databaseFile;
        _services = services;
        // The build output lives outside the repository (--artifacts-path), where the factory cannot find the app's
        // content root by itself; this is the setting it reads first.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ELDERCARE_WEB", Path.Combine(BenchPaths.Repo, "src", "ElderCare.Web"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        BenchHost.Configure(builder, "Sqlite", $"Data Source={_databaseFile}", CityGenerator.KeyFileOf(_databaseFile));
        if (_services is not null) builder.ConfigureServices(_services);
    }
}

/// <summary>What every in-process benchmark host runs with.</summary>
public static class BenchHost
{
    /// <summary>Production, the database (created if missing) and its field keys, warnings-only logs, and no API rate limit:
    /// a benchmark is one user at full speed.</summary>
    public static void Configure(IWebHostBuilder builder, string provider, string connection, string keyFile)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("Database:CreateIfMissing", "true");
        builder.UseSetting("ConnectionStrings:App", connection);
        builder.UseSetting("FieldEncryption:KeyFile", keyFile);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("RateLimits:ApiRequestsPerMinute", "1000000");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
    }
}

/// <summary>What the verification saw, for the results file.</summary>
public sealed record VerificationSummary(int Units, int CoveredUnits, int Gaps, int CoverageJsonBytes, int KpisJsonBytes,
    IReadOnlyList<KpiValue> Kpis);

/// <summary>
/// One app and one baseline connection string for the whole run (the benchmarks run in this process), started once
/// and verified once: the baseline must give exactly the app's numbers for every unit, type and KPI, or nothing is timed.
/// </summary>
public sealed class CityApp : IAsyncDisposable
{
    public const string AsOf = "2022-12-31";
    public const string CoverageUrl = "/api/coverage?asOf=" + AsOf;
    public const string KpisUrl = "/api/kpis?asOf=" + AsOf;

    private static Task<CityApp>? _shared;

    private CityApp(string databaseFile, CityAppFactory factory)
    {
        DatabaseFile = databaseFile;
        Factory = factory;
        Client = factory.CreateClient();
        // The same pooled connection string shape the app builds (Database.SqliteConnectionString).
        BaselineConnection = new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = true }.ToString();
    }

    public string DatabaseFile { get; }

    public CityAppFactory Factory { get; }

    public HttpClient Client { get; }

    public string BaselineConnection { get; }

    public VerificationSummary? Verified { get; private set; }

    /// <summary>The database the shared app runs on; null for the generated city.</summary>
    public static string? SharedDatabaseFile { get; set; }

    public static Task<CityApp> SharedAsync() => _shared ??= StartAsync(Console.Out, databaseFile: SharedDatabaseFile);

    /// <summary>Starts the app on the city database (or on <paramref name="databaseFile"/>, e.g. a scratch copy with an extra index) and verifies
    /// it.</summary>
    public static async Task<CityApp> StartAsync(TextWriter log, Action<IServiceCollection>? services = null, string? databaseFile = null)
    {
        var file = databaseFile ?? await CityGenerator.EnsureAsync(log: log);
        var app = new CityApp(file, new CityAppFactory(file, services));
        (await app.Client.GetAsync("/health")).EnsureSuccessStatusCode(); // starts the host: migrate (no-op) and seed (no-op)
        app.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.StaffTokenAsync());
        app.Verified = await app.VerifyAsync();
        log.WriteLine(
            $"Verified: the baseline SQL gives the app's numbers for {app.Verified.Units} units × 4 types and {app.Verified.Kpis.Count} KPIs " +
            $"({app.Verified.CoveredUnits} units covered, {app.Verified.Gaps} gaps on {AsOf}).");
        return app;
    }

    public static async ValueTask DisposeSharedAsync()
    {
        if (_shared is { IsCompletedSuccessfully: true } shared) await (await shared).DisposeAsync();
        _shared = null;
    }

    /// <summary>
    /// A bearer token of district staff (区民政局: the whole district in scope, may read coverage), as an API client
    /// would hold: the user is created once in the city database, each run starts a new token session.
    /// </summary>
    private async Task<string> StaffTokenAsync()
    {
        const string name = "bench-district-staff";
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = name, DisplayName = "基准测试（区民政局）", Role = Role.DistrictStaff,
                PasswordChangedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow,
            };
            var created = await users.CreateAsync(user, "Bench#Chongqing-2020");
            if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        var (_, token) = await scope.ServiceProvider.GetRequiredService<Sessions>().StartAsync(user, SessionKind.Token, "127.0.0.1", false, default);
        return token!;
    }

    /// <summary>GETs a URL and reads the whole body, as a client would; returns its length.</summary>
    public async Task<int> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    private async Task<VerificationSummary> VerifyAsync() => SameOrThrow(
        await Client.GetByteArrayAsync(CoverageUrl), await Client.GetByteArrayAsync(KpisUrl),
        await BaselineSql.CoverageAsync(BaselineConnection, AsOf), await BaselineSql.KpisAsync(BaselineConnection, AsOf));

    /// <summary>
    /// Throws, naming every difference (up to 20), unless the baseline's cells and KPIs are the app's answers: every unit's
    /// name, kind, covered flag and gaps, every cell's required, planned and operating count, every KPI's value (rounded as
    /// the app rounds), target, deadline and met.
    /// </summary>
    public static VerificationSummary SameOrThrow(byte[] coverageJson, byte[] kpisJson, List<CoverageCell> cells, List<KpiValue> kpis)
    {
        var errors = new List<string>();
        using var coverage = JsonDocument.Parse(coverageJson);
        var units = coverage.RootElement.GetProperty("units").EnumerateArray().ToList();
        var expected = cells.GroupBy(c => c.Code).ToList();
        if (units.Count != expected.Count) errors.Add($"coverage: app has {units.Count} units, baseline {expected.Count}");
        var gapCount = 0;
        foreach (var (unit, cellsOfUnit) in units.Zip(expected))
        {
            var code = unit.GetProperty("regionCode").GetString();
            var where = $"coverage {cellsOfUnit.Key}";
            if (code != cellsOfUnit.Key) errors.Add($"{where}: app unit is {code}");
            var first = cellsOfUnit.First();
            Check(errors, where + " name", first.Name, unit.GetProperty("name").GetString());
            Check(errors, where + " kind", first.Kind.ToLowerInvariant(), unit.GetProperty("kind").GetString());
            Check(errors, where + " covered", first.Covered, unit.GetProperty("covered").GetBoolean());
            var gaps = new List<string>();
            foreach (var cell in cellsOfUnit)
            {
                var type = EnumText.Of(Enum.Parse<FacilityType>(cell.Type));
                var app = unit.GetProperty("facilities").GetProperty(type);
                Check(errors, $"{where} {type} required", cell.Required, IntOrNull(app.GetProperty("required")));
                Check(errors, $"{where} {type} planned", cell.Planned, IntOrNull(app.GetProperty("planned")));
                Check(errors, $"{where} {type} operating", cell.Operating, app.GetProperty("operating").GetInt32());
                if (cell.Required is null) gaps.Add($"{type}/unknown/0");
                if (cell.OperatingGap is { } og) gaps.Add($"{type}/operating/{og}");
                if (cell.PlanGap is { } pg) gaps.Add($"{type}/{cell.PlanGapKind}/{pg}");
            }
            var appGaps = unit.GetProperty("gaps").EnumerateArray()
                .Select(g => $"{g.GetProperty("type").GetString()}/{g.GetProperty("kind").GetString()}/" +
                    $"{g.GetProperty("missing").GetInt32()}").ToList();
            Check(errors, where + " gaps", string.Join(", ", gaps), string.Join(", ", appGaps));
            gapCount += appGaps.Count;
        }

        using var kpiDoc = JsonDocument.Parse(kpisJson);
        var appKpis = kpiDoc.RootElement.EnumerateArray().ToDictionary(k => k.GetProperty("key").GetString()!);
        Check(errors, "kpis count", kpis.Count, appKpis.Count);
        foreach (var k in kpis)
        {
            if (!appKpis.TryGetValue(k.Key, out var app))
            {
                errors.Add($"kpi {k.Key}: missing in the app");
                continue;
            }
            var value = app.GetProperty("value");
            Check(errors, $"kpi {k.Key} value", k.Value is { } v ? Math.Round(v, 4) : (double?)null,
                value.ValueKind == JsonValueKind.Null ? null : value.GetDouble());
            Check(errors, $"kpi {k.Key} target", k.Target ?? 0, app.GetProperty("target").GetDouble());
            Check(errors, $"kpi {k.Key} deadline", k.Deadline ?? "0001-01-01", app.GetProperty("deadline").GetString());
            Check(errors, $"kpi {k.Key} met", k.Met, app.GetProperty("met").GetBoolean());
        }

        if (errors.Count > 0)
            throw new InvalidOperationException($"The baseline does not compute the app's numbers ({errors.Count} differences):\n  " +
                string.Join("\n  ", errors.Take(20)));
        return new VerificationSummary(units.Count, units.Count(u => u.GetProperty("covered").GetBoolean()), gapCount,
            coverageJson.Length, kpisJson.Length, kpis);
    }

    private static int? IntOrNull(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt32();

    private static void Check<T>(List<string> errors, string what, T baseline, T app)
    {
        if (!EqualityComparer<T>.Default.Equals(baseline, app)) errors.Add($"{what}: baseline {baseline}, app {app}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
