using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Npgsql;
using Template = ElderCare.Web.Features.Elders.ElderImportTemplate;

namespace ElderCare.Bench;

/// <summary>
/// The elder registry's goals on SQLite and PostgreSQL: 300,000 synthetic elders registered through the app's own import
/// (three workbooks of 100,000 rows, each import timed; goal &lt; 60 s), then exact lookup by ID number (&lt; 20 ms median)
/// and a filtered list page (&lt; 100 ms median) through HTTP, each paired with a hand-written SQL baseline that is checked
/// to give the same answer and timed in turn in the same process.
/// </summary>
public static class ElderRegistryBench
{
    public static readonly int ImportRows = Results.Size(100_000, 2_000);
    public const int Workbooks = 3;
    public const int Seed = 20201231;
    private const int RegionsPerUnit = 15;
    private static readonly int Warmup = Results.Size(20, 3);
    internal static readonly int Rounds = Results.Size(300, 20);

    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "胡", "朱", "郭", "何", "罗", "高", "林",
        "谢", "唐", "蒋", "邓", "曾", "彭", "冉", "万", "向", "谭", "廖", "付", "游", "余", "熊", "钟", "喻", "代", "雷", "文",
    ];

    private static readonly string[] GivenChars =
    [
        "德", "明", "秀", "英", "兰", "芳", "桂", "华", "国", "成", "玉", "珍", "淑", "贵", "福", "春", "志", "清", "永", "建",
        "文", "光", "荣", "昌", "海", "凤", "云", "金", "银", "和", "平", "安", "其", "树", "碧", "素", "琼", "世", "学", "远",
    ];

    public sealed record Timing(string Name, double Median, double P95);

    public sealed record ProviderResult(string Provider, string Version, List<(string Label, double Seconds, string Outcome)> Imports,
        Timing Lookup, Timing LookupSql, Timing List, Timing ListSql, int Elders, string ListQuery, int ListTotal, string Load);

    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var providers = args.Contains("--sqlite-only") ? [DatabaseProvider.Sqlite] : new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
        var results = new List<ProviderResult>();
        foreach (var provider in providers) results.Add(await RunProviderAsync(provider));
        var pass = results.All(r => r.Imports[Workbooks - 1].Seconds < 60 && r.Lookup.Median < 20 && r.List.Median < 100);
        Results.Write("elders",
            $"{Workbooks} workbooks of {ImportRows:N0} synthetic elders (seed {Seed}) imported into a fresh database of each provider " +
            $"({Workbooks * ImportRows:N0} registered); 21 streets and towns of the seed with {RegionsPerUnit} communities or villages each",
                Render(results));
        return pass || Results.Quick ? 0 : 1;
    }

    private static async Task<ProviderResult> RunProviderAsync(DatabaseProvider provider)
    {
        var load = Results.LoadAverage();
        Console.WriteLine($"== {provider}");
        await using var app = await RegistryApp.StartAsync(provider);
        await AddCommunitiesAndVillagesAsync(app);
        var regions = await app.RegionCodesAsync();
        var today = app.Today;

        var random = new Random(Seed);
        var allIds = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var imports = new List<(string, double, string)>();
        for (var w = 0; w < Workbooks; w++)
        {
            var (workbook, ids) = Workbook(random, regions, today, taken);
            allIds.AddRange(ids);
            var (seconds, result) = await app.ImportAsync(workbook);
            var label = $"import {ImportRows:N0} new rows into {w * ImportRows:N0} registered";
            Console.WriteLine($"  {label}: {seconds:F1} s ({result.Imported} imported, {result.Rejected} rejected)");
            if (result.Imported != ImportRows)
                throw new InvalidOperationException($"expected {ImportRows} imported, got {result.Imported} ({result.Errors.FirstOrDefault()})");
            imports.Add((label, seconds, $"{result.Imported:N0} imported"));
            if (w == Workbooks - 1)
            {
                var (again, same) = await app.ImportAsync(workbook);
                Console.WriteLine($"  re-import: {again:F1} s ({same.Unchanged} unchanged)");
                if (same.Unchanged != ImportRows) throw new InvalidOperationException("re-import changed rows");
                imports.Add(($"re-import the last file (upsert, nothing changes) into {Workbooks * ImportRows:N0}", again,
                    $"{same.Unchanged:N0} unchanged"));
            }
        }
        await app.AssessSomeAsync();

        // Exact lookup: a different registered ID number each call, app vs HMAC + one indexed SELECT.
        var sample = Enumerable.Range(0, Warmup + Rounds).Select(i => allIds[(int)((long)i * 7919 % allIds.Count)]).ToList();
        var lookupIndex = 0;
        var lookupSqlIndex = 0;
        foreach (var id in sample.Take(Results.Size(50, 10)))
            Results.SameOrThrow($"lookup of {id[..6]}…", await app.LookupAsync(id), await app.LookupSqlAsync(id));

        // A filtered list page: a street's or town's 80+ elders at level 2, page 3 of 20, rotating over the units.
        var units = regions.Where(r => r.Length == 9).ToList();
        string ListUrl(int i) => $"/api/elders?regionCode={units[i % units.Count]}&ageBand=80%2B&level=2&page=3&pageSize=20";
        var listIndex = 0;
        var listSqlIndex = 0;
        var checkTotal = 0;
        for (var i = 0; i < units.Count; i++)
        {
            var viaApp = await app.ListAsync(ListUrl(i));
            Results.SameOrThrow($"list of {units[i]}", viaApp, await app.ListSqlAsync(units[i]));
            checkTotal += JsonDocument.Parse(viaApp).RootElement.GetProperty("total").GetInt32();
        }
        Console.WriteLine($"  checked: lookups and list pages equal over {units.Count} units ({checkTotal:N0} elders 80+ at level 2)");

        var times = await InterleavedAsync(
        [
            ("lookup", async () => await app.LookupAsync(sample[lookupIndex++ % sample.Count])),
            ("lookupSql", async () => await app.LookupSqlAsync(sample[lookupSqlIndex++ % sample.Count])),
            ("list", async () => await app.ListAsync(ListUrl(listIndex++))),
            ("listSql", async () => await app.ListSqlAsync(units[listSqlIndex++ % units.Count])),
        ]);
        foreach (var t in times.Values) Console.WriteLine($"  {t.Name}: median {t.Median:F2} ms, p95 {t.P95:F2} ms");
        return new ProviderResult(provider.ToString(), await app.VersionAsync(), imports, times["lookup"], times["lookupSql"], times["list"],
            times["listSql"], await app.CountAsync(), "regionCode={unit}&ageBand=80+&level=2&page=3&pageSize=20", checkTotal, load);
    }

    /// <summary>Each call in turn (order rotating), so app and baseline meet the same background load.</summary>
    internal static async Task<Dictionary<string, Timing>> InterleavedAsync((string Name, Func<Task> Call)[] calls)
    {
        var samples = await Results.InterleavedAsync(calls, Warmup, Rounds);
        return samples.ToDictionary(s => s.Key, s => new Timing(s.Key, Results.Percentile(s.Value, 0.5), Results.Percentile(s.Value, 0.95)));
    }

    /// <summary>15 communities (under a street) or villages (under a town) per unit, as a town would register them.</summary>
    private static async Task AddCommunitiesAndVillagesAsync(RegistryApp app)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var units = await db.Regions.Where(r => r.Kind == RegionKind.Street || r.Kind == RegionKind.Town).ToListAsync();
        foreach (var u in units)
            for (var i = 1; i <= RegionsPerUnit; i++)
            {
                var street = u.Kind == RegionKind.Street;
                db.Regions.Add(new Region
                {
                    Code = u.Code + i.ToString("000", CultureInfo.InvariantCulture),
                        Name = $"{GivenChars[i]}{GivenChars[(i * 7) % GivenChars.Length]}{(street ? "社区" : "村")}",
                    Kind = street ? RegionKind.Community : RegionKind.Village, ParentCode = u.Code,
                });
            }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// 100,000 rows in the template's layout: realistic names, valid GB 11643 numbers of people aged 60–99 born in
    /// Rongchang (500153), a community or village (1 in 20 only the street or town), the mix of living arrangements and
    /// categories a rural district has, a phone for most, an emergency contact for many.
    /// </summary>
    internal static (MemoryStream Workbook, List<string> Ids) Workbook(Random random, IReadOnlyList<string> regions, DateOnly today,
        HashSet<string> taken, int? size = null)
    {
        var villages = regions.Where(r => r.Length == 12).ToList();
        var units = regions.Where(r => r.Length == 9).ToList();
        var count = size ?? ImportRows;
        var rows = new List<Dictionary<string, object?>>(count);
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var female = random.Next(100) < 54;
            string id;
            do
            {
                var birth = today.AddYears(-60 - (int)Math.Min(39, Math.Abs(NextGaussian(random) * 12))).AddDays(-random.Next(1, 365));
                var sequence = random.Next(500) * 2 + (female ? 0 : 1); // GB 11643: the 17th digit is odd for men
                var first17 = $"500153{birth:yyyyMMdd}{sequence:000}";
                id = first17 + IdNumber.CheckDigit(first17);
            }
            while (!taken.Add(id));
            ids.Add(id);
            var living = random.Next(100) switch { < 14 => "独居", < 40 => "空巢", < 52 => "留守", _ => "与家人同住" };
            var categories = new List<string>();
            if (random.Next(100) < 4) categories.Add("特困");
            if (random.Next(100) < 9) categories.Add("低保");
            if (random.Next(100) < 3) categories.Add("低保边缘");
            if (random.Next(1000) < 6) categories.Add("失独");
            if (random.Next(100) < 7) categories.Add("残疾");
            rows.Add(new()
            {
                [Template.Name] = RandomName(random),
                [Template.IdNumber] = id,
                [Template.Phone] = random.Next(100) < 80 ? "1" + (new[] { "38", "39", "58", "77", "89" })[random.Next(5)] + random.Next(10_000_000,
                    99_999_999).ToString(CultureInfo.InvariantCulture) : null,
                [Template.Address] = $"{(random.Next(3) == 0 ? "" : "幸福路")}{random.Next(1, 300)}号",
                [Template.RegionCode] = random.Next(20) == 0 ? units[random.Next(units.Count)] : villages[random.Next(villages.Count)],
                [Template.Living] = living,
                [Template.Categories] = categories.Count == 0 ? Template.NoCategory : string.Join("、", categories),
                [Template.ContactName] = random.Next(100) < 60 ? Surnames[random.Next(Surnames.Length)] + GivenChars[random.Next(GivenChars.Length)]
                    : null,
                [Template.ContactRelation] = null,
                [Template.ContactPhone] = null,
                [Template.DoctorName] = null,
                [Template.DoctorInstitution] = null,
                [Template.ConsentBasis] = "本人书面同意",
                [Template.ConsentOn] = "2026-10-08",
            });
            if (rows[^1][Template.ContactName] is not null)
            {
                rows[^1][Template.ContactRelation] = "子女";
                rows[^1][Template.ContactPhone] = "139" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
            }
        }
        var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [Template.DataSheet] = rows });
        stream.Position = 0;
        return (stream, ids);
    }

    /// <summary>A surname and one or two given characters, as a rural registry has them.</summary>
    internal static string RandomName(Random random) => Surnames[random.Next(Surnames.Length)] + GivenChars[random.Next(GivenChars.Length)] +
        (random.Next(3) > 0 ? GivenChars[random.Next(GivenChars.Length)] : "");

    private static double NextGaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    private static string Render(IReadOnlyList<ProviderResult> results)
    {
        var md = new StringBuilder();
        md.AppendLine($"Own Stopwatch harness: {Warmup} warm-up and {Rounds} measured calls of each request, app and baseline called in turn " +
            "(order rotating) so both meet the same load; every call a different ID number or unit. Imports timed once each.");
        md.AppendLine();
        md.AppendLine("| provider | goal | measured | baseline (same process) | ratio | result |");
        md.AppendLine("|---|---|---:|---:|---:|:-:|");
        foreach (var r in results)
        {
            var import = r.Imports[Workbooks - 1];
            md.AppendLine($"| {r.Provider} | import of {ImportRows:N0} rows < 60 s ({import.Label}) | {import.Seconds:F1} s | | | " +
                $"**{Pass(import.Seconds < 60)}** |");
            md.AppendLine(TimedRow(r.Provider, "exact lookup by ID number < 20 ms median", r.Lookup, r.LookupSql, 20));
            md.AppendLine(TimedRow(r.Provider, "filtered list page < 100 ms median", r.List, r.ListSql, 100));
        }
        md.AppendLine();
        md.AppendLine("| provider | version | elders after the run | every import (wall time) | load average before |");
        md.AppendLine("|---|---|---:|---|---|");
        foreach (var r in results)
            md.AppendLine($"| {r.Provider} | {r.Version} | {r.Elders:N0} | " +
                $"{string.Join("; ", r.Imports.Select(i => $"{i.Label}: {i.Seconds:F1} s ({i.Outcome})"))} | {r.Load} |");
        md.AppendLine();
        md.AppendLine("- Lookup: `POST /api/elders/lookup` with `{\"idNumber\": …}` through the app (bearer token of district staff, TestServer, " +
            "JSON read); baseline: the HMAC blind index of the number, one `SELECT` by it on a raw connection, the ID number, phone and " +
            "contacts' phones decrypted and masked, serialized with the app's JSON options. The whole response body was checked equal to " +
            "the baseline's for the first lookups before timing.");
        md.AppendLine($"- List: `GET /api/elders?{results[0].ListQuery}` rotating over the 21 streets and towns; " +
            "baseline: the same filter as one `COUNT(*)` " +
            "and one page `SELECT … ORDER BY RegionCode, Name, Id LIMIT 20 OFFSET 40` with the region name, serialized with the app's JSON " +
            $"options. The whole page (every row, every field, and the total) was checked equal for every unit first " +
            $"({results[0].ListTotal:N0} elders in all on {results[0].Provider}).");
        md.AppendLine("- Data: 70 % of the elders given a level 0–4 and an assessment date after import (one UPDATE).");
        return md.ToString();
    }

    private static string Pass(bool ok) => Results.Verdict(ok);

    private static string TimedRow(string provider, string goal, Timing app, Timing baseline, double goalMs) =>
        $"| {provider} | {goal} | {app.Median:F2} ms (p95 {app.P95:F2}) | {baseline.Median:F2} ms | {app.Median / baseline.Median:F2}× | " +
        $"**{Pass(app.Median < goalMs)}** |";

    /// <summary>The app on a fresh database of the provider, migrated and seeded as on first start, with a district-staff token.</summary>
    internal sealed class RegistryApp : IAsyncDisposable
    {
        private readonly string _connection;
        private readonly string? _file;
        private readonly string? _pgDatabase;
        private readonly DatabaseProvider _provider;

        public required WebApplicationFactory<Program> Factory { get; init; }
        public HttpClient Client { get; private set; } = null!;
        public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        private RegistryApp(DatabaseProvider provider, string connection, string? file, string? pgDatabase)
        {
            _provider = provider;
            _connection = connection;
            _file = file;
            _pgDatabase = pgDatabase;
        }

        /// <summary>The app on a fresh database, dropped at the end; or on <paramref name="database"/> (PostgreSQL), kept.</summary>
        public static async Task<RegistryApp> StartAsync(DatabaseProvider provider, string? database = null)
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ELDERCARE_WEB", Path.Combine(BenchPaths.Repo, "src", "ElderCare.Web"));
            var name = database ?? "eldercare_bench_elders_" + Guid.NewGuid().ToString("N")[..8];
            string connection;
            string? file = null;
            if (provider == DatabaseProvider.Postgres)
            {
                var server = Environment.GetEnvironmentVariable("ELDERCARE_BENCH_PG") ?? "Host=127.0.0.1;Username=postgres;Password=postgres";
                connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
            }
            else
            {
                file = Path.Combine(Path.GetTempPath(), name + ".db");
                connection = $"Data Source={file}";
            }
            var keyFile = database is null ? Path.Combine(Path.GetTempPath(), name + ".keys.json") : KeyFileOf(database);
            var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                BenchHost.Configure(b, provider.ToString(), connection, keyFile);
                b.UseSetting("Database:MigrateOnStart", "true");
                b.UseSetting("ELDERCARE_ADMIN_PASSWORD", "Bench#Rongchang-2026");
            });
            var app = new RegistryApp(provider, connection, file, provider == DatabaseProvider.Postgres && database is null ? name : null)
                { Factory = factory };
            app.Client = factory.CreateClient();
            app.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.StaffTokenAsync());
            return app;
        }

        private async Task<string> StaffTokenAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync("bench-staff"); // a kept database has it from an earlier run
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = "bench-staff", DisplayName = "基准测试（区民政局）", Role = Role.DistrictStaff,
                    PasswordChangedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow,
                };
                var created = await users.CreateAsync(user, "Bench#Rongchang-2026");
                if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }
            var (_, token) = await scope.ServiceProvider.GetRequiredService<Sessions>().StartAsync(user, SessionKind.Token, "127.0.0.1", false,
                default);
            return token!;
        }

        public async Task<IReadOnlyList<string>> RegionCodesAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Regions.Where(r => r.Code.Length >= 9).Select(r =>
                r.Code).OrderBy(c => c).ToListAsync();
        }

        /// <summary>Through the use case the endpoint calls (the 12 MB upload itself is not what is measured).</summary>
        public async Task<(double Seconds, ImportElders.Result Result)> ImportAsync(MemoryStream workbook)
        {
            workbook.Position = 0;
            await using var scope = Factory.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var started = Stopwatch.GetTimestamp();
            var outcome = await ImportElders.Handle(workbook, new ImportElders.Importer(DataScope.District, "bench-staff", null),
                sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<FieldProtector>(), sp.GetRequiredService<ElderOptions>(),
                sp.GetRequiredService<ElderCare.Web.Infrastructure.Spreadsheets.SpreadsheetLimits>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IMemoryCache>(), default);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            return (seconds, outcome.Value ?? throw new InvalidOperationException("import failed: " + outcome.Message));
        }

        /// <summary>70 % of the elders assessed this year at a level 0–4 (one UPDATE, deterministic by birth date).</summary>
        public async Task AssessSomeAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var on = Today.AddMonths(-3);
            await db.Elders.Where(e => e.BirthDate.Day % 10 < 7)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.CurrentLevel, e => e.BirthDate.Month % 5).SetProperty(e => e.LastAssessedOn, on));
            if (_provider == DatabaseProvider.Postgres) await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        /// <summary>
        /// The field-encryption key file of a kept PostgreSQL database. The database belongs to the server, not to one
        /// checkout, so its key is kept per machine user (never in src/): another checkout reusing the database can read it.
        /// </summary>
        public static string KeyFileOf(string database) => Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "eldercare-bench", database + ".keys.json");

        public FieldProtector Protector => Factory.Services.GetRequiredService<FieldProtector>();

        public string Connection => _connection;

        public async Task<int> CountAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Elders.CountAsync();
        }

        public async Task<string> VersionAsync()
        {
            await using var c = Open();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = _provider == DatabaseProvider.Postgres ? "SHOW server_version" : "SELECT sqlite_version()";
            return (_provider == DatabaseProvider.Postgres ? "PostgreSQL " : "SQLite ") + await cmd.ExecuteScalarAsync();
        }

        /// <summary>The response body of the app's exact lookup.</summary>
        public async Task<string> LookupAsync(string idNumber)
        {
            using var r = await Client.PostAsJsonAsync("/api/elders/lookup", new { idNumber });
            r.EnsureSuccessStatusCode();
            return await r.Content.ReadAsStringAsync();
        }

        /// <summary>The response body of the app's filtered list.</summary>
        public async Task<string> ListAsync(string url)
        {
            using var r = await Client.GetAsync(url);
            r.EnsureSuccessStatusCode();
            return await r.Content.ReadAsStringAsync();
        }

        private FieldProtector? _protector;
        private JsonSerializerOptions? _json;

        private const string ResourceColumns = """
            e."Id", e."Name", e."IdNumberProtected", e."BirthDate", e."Sex", e."PhoneProtected", e."Address", e."Latitude", e."Longitude",
            e."RegionCode", e."LivingArrangement", e."Categories", e."EmergencyContacts", e."FamilyDoctorName", e."FamilyDoctorInstitution",
            e."FamilyDoctorSince", e."ConsentBasis", e."ConsentOn", e."ConsentRecordedBy", e."Status", e."StatusOn", e."CurrentLevel",
            e."LastAssessedOn", e."ConditionChangedOn", e."Version"
            """;

        /// <summary>The HMAC blind index, one SELECT, decryption and masking: the lookup's answer serialized as the app does.</summary>
        public async Task<string> LookupSqlAsync(string idNumber)
        {
            _protector ??= Factory.Services.GetRequiredService<FieldProtector>();
            await using var c = Open();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = $"""SELECT {ResourceColumns} FROM "Elders" e WHERE e."IdNumberIndex" = @i""";
            Add(cmd, "i", _protector.BlindIndex(idNumber)!);
            await using var r = await cmd.ExecuteReaderAsync();
            if (!await r.ReadAsync()) throw new InvalidOperationException("not found " + idNumber);
            var contacts = r.IsDBNull(12) ? [] : JsonSerializer.Deserialize<List<Contact>>(r.GetString(12))!;
            var level = Int(r, 21);
            var lastAssessed = Date(r, 22);
            var resource = new ElderResource(r.GetFieldValue<Guid>(0), r.GetString(1), Mask(r, 2)!, r.GetFieldValue<DateOnly>(3),
                Enum.Parse<Sex>(r.GetString(4)), IdNumber.Age(r.GetFieldValue<DateOnly>(3), Today), Masking.Phone(Unprotect(r, 5)),
                r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) || r.IsDBNull(8) ? null : new LocationResource(r.GetDouble(7), r.GetDouble(8)),
                r.GetString(9), Enum.Parse<LivingArrangement>(r.GetString(10)), Categories(r, 11),
                contacts.Select(x => new ContactResource(x.Name, x.Relation, Masking.Phone(_protector.Unprotect(x.PhoneProtected)))).ToList(),
                r.IsDBNull(13) && r.IsDBNull(14) ? null : new FamilyDoctorResource(Text(r, 13), Text(r, 14), Date(r, 15)),
                new ConsentResource(r.GetString(16), r.GetFieldValue<DateOnly>(17), Text(r, 18)), Enum.Parse<ElderStatus>(r.GetString(19)),
                r.GetFieldValue<DateOnly>(20), level, level is { } l ? CapabilityAssessment.LevelName(l) : null, lastAssessed,
                lastAssessed is { } last ? Reassessment.NextDue(last, Date(r, 23)) : null, r.GetInt32(24));
            return Serialize(resource);
        }

        /// <summary>An emergency contact as stored (JSON column).</summary>
        private sealed record Contact(string Name, string? Relation, string? PhoneProtected);

        /// <summary>The page of the list as the app would answer it, from one COUNT and one page SELECT.</summary>
        public async Task<string> ListSqlAsync(string unit)
        {
            const string filter = """ FROM "Elders" e WHERE e."Status" = 'Active' AND e."UnitCode" = @unit """ +
                """AND e."BirthDate" <= @eighty AND e."CurrentLevel" = 2""";
            var eighty = Today.AddYears(-80);
            await using var c = Open();
            await using var count = c.CreateCommand();
            count.CommandText = "SELECT COUNT(*)" + filter;
            Add(count, "unit", unit);
            Add(count, "eighty", eighty);
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            await using var page = c.CreateCommand();
            page.CommandText = """SELECT e."Id", e."Name", e."IdNumberProtected", e."Sex", e."BirthDate", e."RegionCode", """ +
                """(SELECT r."Name" FROM "Regions" r WHERE r."Code" = e."RegionCode"), e."LivingArrangement", e."Categories", e."CurrentLevel", """ +
                """e."LastAssessedOn", e."Status" """ + filter + """ ORDER BY e."RegionCode", e."Name", e."Id" LIMIT 20 OFFSET 40""";
            Add(page, "unit", unit);
            Add(page, "eighty", eighty);
            var rows = new List<ElderRow>();
            await using var r = await page.ExecuteReaderAsync();
            while (await r.ReadAsync())
                rows.Add(new ElderRow(r.GetFieldValue<Guid>(0), r.GetString(1), Mask(r, 2)!, Enum.Parse<Sex>(r.GetString(3)),
                    IdNumber.Age(r.GetFieldValue<DateOnly>(4), Today), r.GetString(5), Text(r, 6), Enum.Parse<LivingArrangement>(r.GetString(7)),
                    Categories(r, 8), Int(r, 9), Date(r, 10), Enum.Parse<ElderStatus>(r.GetString(11))));
            return Serialize(new Paged<ElderRow>(rows, 3, 20, total));
        }

        private string Serialize<T>(T value)
        {
            _json ??= Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()
                .Value.SerializerOptions;
            return JsonSerializer.Serialize(value, _json);
        }

        private string? Unprotect(DbDataReader r, int i) => r.IsDBNull(i) ? null : _protector!.Unprotect(r.GetString(i));

        private string? Mask(DbDataReader r, int i) => Masking.IdNumber(Unprotect(r, i));

        private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

        private static int? Int(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

        private static DateOnly? Date(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

        /// <summary>Categories: a text[] on PostgreSQL, a JSON array on SQLite.</summary>
        private static List<ElderCategory> Categories(DbDataReader r, int i) =>
            (r.GetFieldType(i) == typeof(string) ? JsonSerializer.Deserialize<string[]>(r.GetString(i))! : r.GetFieldValue<string[]>(i))
            .Select(Enum.Parse<ElderCategory>).ToList();

        private DbConnection Open()
        {
            DbConnection c = _provider == DatabaseProvider.Postgres ? new NpgsqlConnection(_connection)
                : new SqliteConnection(Database.SqliteConnectionString(_connection, Path.GetTempPath()));
            c.Open();
            return c;
        }

        private static void Add(DbCommand cmd, string name, object value)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Factory.DisposeAsync();
            if (_file is not null)
            {
                SqliteConnection.ClearAllPools();
                foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
            }
            if (_pgDatabase is not null)
            {
                NpgsqlConnection.ClearAllPools();
                var server = new NpgsqlConnectionStringBuilder(_connection) { Database = "postgres" }.ToString();
                await using var c = new NpgsqlConnection(server);
                await c.OpenAsync();
                await using var cmd = c.CreateCommand();
                cmd.CommandText = $"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)";
                await cmd.ExecuteNonQueryAsync();
            }
        }
    }
}
