using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Subsidies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static ElderCare.Bench.ServicesBench;

namespace ElderCare.Bench;

/// <summary>
/// A year's subsidies and fees at city scale (三(二)(三)): the Chongqing-2020 city (12,000 facilities) with 300,000
/// elders, 15,000 of them 特困 with 10,000 placed in centres, a construction acceptance and a 2025 annual evaluation for
/// most facilities. Times <see cref="RaiseClaims.Compute"/> (everything due for 2025, computed on 2026-03-01) through
/// the app's DbContext on SQLite and on PostgreSQL (the same rows copied across), against hand-written SQL
/// (<see cref="SubsidiesBaseline"/>) in the same process; every entitlement (key, kind, amount, fund, facility, town,
/// elder, month) must be equal before timing and each round. Goal: under 5 s on each. Writes the subsidies section.
/// </summary>
public static class SubsidiesBench
{
    public const int Version = 1;
    private const int Seed = 20261203;
    private static readonly int Elders = Results.Size(300_000, 3_000), Poor = Results.Size(15_000, 300), Placed = Results.Size(10_000, 200);
    private const int Year = 2025;
    private static readonly DateOnly Today = new(2026, 3, 1);
    private const double GoalMs = 5_000;

    public static string DefaultFile => Path.Combine(BenchPaths.DataDir, $"subsidies-v{Version}{(Results.Quick ? "-quick" : "")}.db");

    public static async Task<int> RunAsync(int rounds)
    {
        var file = await EnsureAsync(Console.Out);
        var described = await DescribeAsync(file);
        Console.WriteLine(described);
        var rows = new List<string>();
        var pass = true;
        var counts = "";

        await using (var factory = new CityAppFactory(file))
        {
            var sqlite = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
            var t = await TimeAsync("SQLite", factory.Services,
                () => SubsidiesBaseline.ComputeAsync(new SqliteConnection(sqlite), false, Year, Today), rounds);
            rows.Add(Row("SQLite", t));
            pass &= t.AppMedian < GoalMs;
            counts = t.Counts;
        }

        var server = Environment.GetEnvironmentVariable("ELDERCARE_BENCH_PG") ?? "Host=127.0.0.1;Username=postgres;Password=postgres";
        var name = "eldercare_bench_subsidies_" + Guid.NewGuid().ToString("N")[..8];
        var pg = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        try
        {
            await using var factory = new PostgresAppFactory(pg, Path.Combine(Path.GetTempPath(), name + ".keys.json"));
            _ = factory.Services; // starts the app: creates and migrates the database
            var copied = Stopwatch.StartNew();
            var copiedRows = await SqliteToPostgres.CopyAsync(file, pg);
            Console.WriteLine($"PostgreSQL: copied {copiedRows:N0} rows in {copied.Elapsed.TotalSeconds:F0} s.");
            var t = await TimeAsync("PostgreSQL", factory.Services, () => SubsidiesBaseline.ComputeAsync(new NpgsqlConnection(pg), true, Year, Today),
                rounds);
            rows.Add(Row("PostgreSQL", t));
            pass &= t.AppMedian < GoalMs;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(server);
            await c.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
            await drop.ExecuteNonQueryAsync();
        }

        var text = new StringBuilder()
            .AppendLine($"`RaiseClaims.Compute` for {Year} on {Today:yyyy-MM-dd} (every month of the year ended) through the app's `AppDbContext` " +
                        "(host started as in production), against one hand-written SQL statement per kind of amount (`SubsidiesBaseline.cs`). " +
                        "Before timing and after every round, both lists are sorted and compared field by field " +
                        "(key, kind, amount in fen, fund, facility, town, elder, month).")
            .AppendLine()
            .AppendLine($"Entitlements per round: {counts}.")
            .AppendLine()
            .AppendLine("| store | app median | app p95 | SQL baseline median | ratio | goal | met |")
            .AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in rows) text.AppendLine(r);
        text.AppendLine().AppendLine($"Overall: **{Results.Verdict(pass)}**.");
        Results.Write("subsidies", $"`{Path.GetRelativePath(BenchPaths.Repo, file)}` ({described}); {rounds} rounds per store, interleaved",
            text.ToString());
        return pass || Results.Quick ? 0 : 1;
    }

    private sealed record Timing(double AppMedian, double AppP95, double BaseMedian, string Counts);

    private static string Row(string store, Timing t) =>
        $"| {store} | {Results.Ms(t.AppMedian)} | {Results.Ms(t.AppP95)} | {Results.Ms(t.BaseMedian)} | " +
        $"{t.AppMedian / Math.Max(t.BaseMedian, 0.001):0.00}× | < {GoalMs:0} ms | {Results.Mark(t.AppMedian < GoalMs)} |";

    private static async Task<Timing> TimeAsync(string store, IServiceProvider services, Func<Task<List<SubsidiesBaseline.Due>>> baseline,
        int rounds)
    {
        async Task<List<SubsidiesBaseline.Due>> App()
        {
            await using var scope = services.CreateAsyncScope();
            var due = await RaiseClaims.Compute(Year, Today, scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
            return due.Select(d => new SubsidiesBaseline.Due(d.Key, d.Kind.ToString(), d.AmountFen, d.FundingSource.ToString(), d.FacilityId,
                d.TownCode, d.ElderId, d.Month)).ToList();
        }

        List<SubsidiesBaseline.Due> app = [], sql = [];
        var calls = new (string, Func<Task>)[] { ("app", async () => app = await App()), ("sql", async () => sql = await baseline()) };
        await Results.InterleavedAsync(calls, 1, 0);
        Compare(store, app, sql);
        var counts = string.Join(", ", app.GroupBy(d => d.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count():N0} ({Entitlements.Yuan(g.Sum(d => d.AmountFen))} 元)"));
        if (app.Count == 0 || app.Select(d => d.Kind).Distinct().Count() < 4)
            throw new InvalidOperationException($"{store}: the data set does not exercise every kind of amount ({counts}).");
        var samples = new Dictionary<string, List<double>> { ["app"] = [], ["sql"] = [] };
        for (var r = 0; r < rounds; r++)
        {
            var one = await Results.InterleavedAsync(r % 2 == 0 ? calls : calls.Reverse().ToArray(), 0, 1);
            foreach (var (k, v) in one) samples[k].AddRange(v);
            Compare(store, app, sql);
        }
        Console.WriteLine($"{store}: app median {Results.Percentile(samples["app"], 0.5):F0} ms, " +
                          $"SQL {Results.Percentile(samples["sql"], 0.5):F0} ms");
        return new(Results.Percentile(samples["app"], 0.5), Results.Percentile(samples["app"], 0.95), Results.Percentile(samples["sql"], 0.5),
            counts);
    }

    private static void Compare(string store, List<SubsidiesBaseline.Due> app, List<SubsidiesBaseline.Due> sql)
    {
        static string Text(IEnumerable<SubsidiesBaseline.Due> list) =>
            string.Join('\n', list.Select(d => d.ToString()).Order(StringComparer.Ordinal));
        Results.SameOrThrow($"{store} subsidies", Text(app), Text(sql));
    }

    private static async Task<string> DescribeAsync(string file)
    {
        await using var c = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await c.OpenAsync();
        async Task<long> Count(string sql)
        {
            await using var cmd = new SqliteCommand(sql, c);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }
        return $"{await Count("SELECT count(*) FROM Facilities"):N0} facilities, {await Count("SELECT count(*) FROM Elders"):N0} elders, " +
               $"{await Count("SELECT count(*) FROM Placements"):N0} placements, " +
               $"{await Count("SELECT count(*) FROM SecondaryAssessments"):N0} 特困 self-care determinations, " +
               $"{await Count("SELECT count(*) FROM EvaluationResults"):N0} evaluation results";
    }

    /// <summary>The city data plus elders, placements, determinations and results; generated once per version and migration set.</summary>
    public static async Task<string> EnsureAsync(TextWriter log)
    {
        var city = await CityGenerator.EnsureAsync(log: log);
        var file = DefaultFile;
        var stamp = $"v{Version} from {new FileInfo(city).LastWriteTimeUtc:O}";
        if (File.Exists(file) && File.Exists(file + ".source") && await File.ReadAllTextAsync(file + ".source") == stamp)
        {
            log.WriteLine($"Subsidies data: reusing {file}.");
            return file;
        }
        var sw = Stopwatch.StartNew();
        var temp = file + ".partial";
        SqliteConnection.ClearAllPools();
        File.Copy(city, temp, overwrite: true);
        await using (var conn = new SqliteConnection($"Data Source={temp};Pooling=False"))
        {
            await conn.OpenAsync();
            await using (var tx = conn.BeginTransaction())
            {
                await GenerateAsync(conn, tx);
                tx.Commit();
            }
            await using var analyze = new SqliteCommand("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);", conn);
            await analyze.ExecuteNonQueryAsync();
        }
        foreach (var side in new[] { "-wal", "-shm" }) File.Delete(temp + side);
        File.Move(temp, file, overwrite: true);
        await File.WriteAllTextAsync(file + ".source", stamp);
        log.WriteLine($"Subsidies data: generated {file} in {sw.Elapsed.TotalSeconds:F0} s.");
        return file;
    }

    private static async Task GenerateAsync(SqliteConnection conn, SqliteTransaction tx)
    {
        var rng = new Random(Seed);
        string Id() => Guid.CreateVersion7().ToString().ToUpperInvariant();
        var created = "2024-01-01 00:00:00";
        var facilities = new List<(string Id, string Type, string Unit, DateOnly Opened)>();
        const string opened = "SELECT Id, Type, UnitCode, OpenedOn FROM Facilities WHERE OpenedOn IS NOT NULL ORDER BY Id";
        await using (var cmd = new SqliteCommand(opened, conn, tx))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync())
                facilities.Add((r.GetString(0), r.GetString(1), r.GetString(2), DateOnly.Parse(r.GetString(3), CultureInfo.InvariantCulture)));
        var units = facilities.Select(f => f.Unit).Distinct().Order(StringComparer.Ordinal).ToList();
        var centres = facilities.Where(f => f.Type is "StreetCenter" or "TownCenter").ToList();

        // Results: a construction acceptance (passed for 90 %) the year after opening at the latest 2025; a 2025 annual
        // evaluation for 85 % of the facilities open before 2025 (优秀 20 %, 良好 45 %, 合格 27 %, 不合格 8 %).
        var results = Inserter(conn, tx, "EvaluationResults", "Id", "FacilityId", "Year", "Kind", "RoundId", "EvaluationId", "Score", "Grade",
            "ApprovedBy", "ApprovedAt");
        foreach (var f in facilities)
        {
            var passed = rng.Next(100) < 90;
            Add(results, Id(), f.Id, Math.Min(f.Opened.Year + 1, Year), "Acceptance", Id(), Id(), passed ? "82.5" : "51.0", passed ? "Pass" : "Fail",
                "bench", created);
            if (f.Opened.Year >= Year || rng.Next(100) >= 85) continue;
            var roll = rng.Next(100);
            var (grade, score) = roll < 20 ? ("Excellent", "93.0") : roll < 65 ? ("Good", "85.5") : roll < 92 ? ("Pass", "72.0") : ("Fail", "55.0");
            Add(results, Id(), f.Id, Year, "Annual", Id(), Id(), score, grade, "bench", created);
        }

        // Elders across the city's units; the first Poor are 特困, the first Placed of them placed in a centre of their unit.
        var elders = Inserter(conn, tx, "Elders", "Id", "Name", "IdNumberProtected", "IdNumberIndex", "BirthDate", "Sex", "RegionCode", "UnitCode",
            "LivingArrangement", "Categories", "ConsentBasis", "ConsentOn", "ConsentRecordedBy", "Status", "StatusOn", "Version", "CreatedAt",
            "UpdatedAt", "EmergencyContacts");
        var placements = Inserter(conn, tx, "Placements", "Id", "ElderId", "FacilityId", "UnitCode", "From", "To", "RecordedBy", "RecordedAt");
        var determinations = Inserter(conn, tx, "SecondaryAssessments", "Id", "ElderId", "Instrument", "AssessedOn", "Assessor", "AnswersProtected",
            "Score", "Grade", "RecordedBy", "RecordedAt");
        string[] abilities = ["Capable", "PartiallyLost", "FullyLost"];
        var assessor = Id();
        for (var i = 0; i < Elders; i++)
        {
            var id = Id();
            var centre = i < Placed ? centres[rng.Next(centres.Count)] : default;
            var unit = i < Placed ? centre.Unit : units[rng.Next(units.Count)];
            Add(elders, id, "老人" + i, "bench", "bench-subsidies-" + i,
                new DateOnly(1930 + rng.Next(30), 1 + rng.Next(12), 1 + rng.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                rng.Next(2) == 0 ? "Male" : "Female", unit, unit, "Alone", i < Poor ? "[\"ExtremePoverty\"]" : "[]", "本人同意", "2024-01-01", "bench",
                "Active", "2024-01-01", 1, created, created, "[]");
            if (i >= Poor) continue;
            // A determination before 2025 for most, a second one during 2025 for a third; 5 % without any (nothing due).
            var first = new DateOnly(2023, 1, 1).AddDays(rng.Next(700));
            if (rng.Next(100) >= 5)
                Add(determinations, Id(), id, "ExtremePovertySelfCare", Date(first), "bench", "bench", 0, abilities[rng.Next(3)], assessor, created);
            if (rng.Next(3) == 0)
                Add(determinations, Id(), id, "ExtremePovertySelfCare", Date(new DateOnly(Year, 1, 1).AddDays(rng.Next(365))), "bench", "bench", 0,
                    abilities[rng.Next(3)], assessor, created);
            if (i >= Placed) continue;
            var from = new DateOnly(2023, 6, 1).AddDays(rng.Next(900));
            DateOnly? to = rng.Next(5) == 0 ? from.AddDays(30 + rng.Next(400)) : null;
            Add(placements, Id(), id, centre.Id, centre.Unit, Date(from), to is { } t ? Date(t) : null, "bench", created);
        }
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The app on a PostgreSQL database of its own, created and migrated at start as in production.</summary>
    private sealed class PostgresAppFactory(string connection, string keyFile) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ELDERCARE_WEB", Path.Combine(BenchPaths.Repo, "src", "ElderCare.Web"));
            BenchHost.Configure(builder, "Postgres", connection, keyFile);
            builder.UseSetting("Database:MigrateOnStart", "true");
            builder.UseSetting("ELDERCARE_ADMIN_PASSWORD", "Bench#Rongchang-2026");
        }
    }
}
