using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Reports;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Bench;

/// <summary>
/// Quarterly reports at city scale (the Chongqing-2020 city of <see cref="CityGenerator"/>: 1,030 streets and towns,
/// 12,000 facilities): generating a quarter's reports for every unit (<see cref="GenerateReports"/>, goal &lt; 10 s) and the
/// bulletin from the approved reports with its .docx and the statistical .xlsx (goal &lt; 5 s). Before anything is timed,
/// every indicator value of every unit computed by the app (<see cref="ReportFacts"/>) must equal a hand-written SQL baseline,
/// compared as the canonical snapshot JSON. Writes the reports section of RESULTS.md.
/// </summary>
public static class ReportsBench
{
    /// <summary>The last quarter the city's facility openings (to 2025-09-30) fall in.</summary>
    private static readonly Quarter Q = new(2025, 3);

    public static async Task<int> RunAsync(string? file, int rounds)
    {
        file = await CityGenerator.EnsureAsync(file, Console.Out);
        await using var factory = new CityAppFactory(file);
        using var client = factory.CreateClient();
        (await client.GetAsync("/health")).EnsureSuccessStatusCode();
        var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
        var user = District();
        await Execute(connection, $"DELETE FROM QuarterlyReports WHERE Year = {Q.Year} AND QuarterNumber = {Q.Number}");

        // 1. Checked equal first: the app's values of every unit against the SQL baseline.
        ReportForm form;
        Dictionary<string, SnapshotContent> app;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await ReportFormDefaults.SeedAsync(db, default);
            form = await ReportFormDefaults.InForceAsync(Q.Year, db, default);
            app = await ReportFacts.ContentsAsync(Q, "", form, db, default);
        }
        var baseline = await BaselineAsync(connection, form);
        Results.SameOrThrow("report values", Json(app), Json(baseline));
        var nonZero = app.Values.SelectMany(c => c.Values.Values).Count(v => v.Value is not null and not 0);
        Console.WriteLine($"reports: {app.Count} units, {nonZero:N0} non-zero values equal to the baseline");

        // The values alone, app and baseline in turn (checked equal each round): the ratio of the computation.
        var values = new List<double>();
        var sql = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using (var scope = factory.Services.CreateAsyncScope())
                app = await ReportFacts.ContentsAsync(Q, "", form, scope.ServiceProvider.GetRequiredService<AppDbContext>(), default);
            values.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            baseline = await BaselineAsync(connection, form);
            sql.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Results.SameOrThrow("report values", Json(app), Json(baseline));
        }

        // 2. Generating the quarter's reports (the drafts deleted before each round, untimed).
        var generate = new List<double>();
        GenerateReports.Result? generated = null;
        for (var i = 0; i < rounds; i++)
        {
            await Execute(connection, $"DELETE FROM QuarterlyReports WHERE Year = {Q.Year} AND QuarterNumber = {Q.Number}");
            var started = Stopwatch.GetTimestamp();
            await using var scope = factory.Services.CreateAsyncScope();
            var outcome = await GenerateReports.Handle(new GenerateReports.Input(Q.Code), user,
                scope.ServiceProvider.GetRequiredService<AppDbContext>(), TimeProvider.System, default);
            generate.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            generated = outcome.Value ?? throw new InvalidOperationException($"GenerateReports answered {outcome.Kind}: {outcome.Message}");
        }
        if (generated!.Created != app.Count) throw new InvalidOperationException($"{generated.Created} reports created for {app.Count} units");

        // 3. The bulletin from the approved reports (all approved by SQL, untimed), its .docx and the statistical .xlsx.
        await Execute(connection, $"UPDATE QuarterlyReports SET Status = 'Approved' WHERE Year = {Q.Year} AND QuarterNumber = {Q.Number}");
        var bulletin = new List<double>();
        var bytes = 0;
        for (var i = 0; i < rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var docx = await ExportBulletin.Handle(Q.Code, db, default);
            var xlsx = await ExportReportStatistics.Handle(Q.Code, db, default);
            bulletin.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            bytes = docx.Value!.Content.Length + xlsx.Value!.Content.Length;
        }
        await Execute(connection, $"DELETE FROM QuarterlyReports WHERE Year = {Q.Year} AND QuarterNumber = {Q.Number}");

        var rows = new[]
        {
            Row($"generate a quarter's reports, {app.Count:N0} units (`GenerateReports.Handle`)", generate, 10_000),
            Row("the bulletin: `ExportBulletin.Handle` (.docx) + `ExportReportStatistics.Handle` (.xlsx), all units approved", bulletin, 5_000),
        };
        var pass = rows.All(r => r.EndsWith("✓ |", StringComparison.Ordinal));
        var text = new StringBuilder()
            .AppendLine($"Quarter {Q.Code} (as of {Q.End:yyyy-MM-dd}). Before timing, every value of every unit's report as the app computes it " +
                "(`ReportFacts.ContentsAsync`, the form's 20 indicators) was compared with a hand-written SQL baseline as canonical snapshot JSON: " +
                $"{app.Count:N0} units, {nonZero:N0} non-zero values, equal.")
            .AppendLine()
            .AppendLine("| what | median | max | goal | met |")
            .AppendLine("|---|---:|---:|---|:-:|");
        foreach (var r in rows) text.AppendLine(r);
        var (appMedian, sqlMedian) = (Results.Percentile(values, 0.5), Results.Percentile(sql, 0.5));
        text.AppendLine()
            .AppendLine($"Every unit's values alone (`ReportFacts.ContentsAsync`), interleaved with the baseline and checked equal each round: " +
                $"app median {Results.Ms(appMedian)}, baseline median {Results.Ms(sqlMedian)}, ratio {appMedian / Math.Max(sqlMedian, 0.001):0.00}×.")
            .AppendLine()
            .AppendLine("Baseline: one SQL per fact (units with their required counts, operating facilities per unit and type as of the " +
                "quarter's end with 附件1 compliance, facilities built, assessments, verified visits, meals, alarms answered in 60 s, " +
                "complaints resolved in time, ledger lines paid), ratios rounded in C#. The city data has no elders, orders, meals, alarms or " +
                "payments, so those values are zero on both sides; the facility values carry the load.")
            .AppendLine()
            .AppendLine($"Bulletin files: {bytes / 1024.0:F0} KB (.docx + .xlsx). Overall: **{Results.Verdict(pass)}**.");
        Results.Write("reports", $"`{Path.GetRelativePath(BenchPaths.Repo, file)}` (the Chongqing-2020 city); {rounds} rounds each", text.ToString());
        return pass || Results.Quick ? 0 : 1;
    }

    private static string Row(string what, List<double> ms, double goal) =>
        $"| {what} | {Results.Ms(Results.Percentile(ms, 0.5))} | {Results.Ms(ms.Max())} | < {goal / 1000:0} s | " +
        $"{Results.Mark(Results.Percentile(ms, 0.5) < goal)} |";

    private static string Json(Dictionary<string, SnapshotContent> contents) =>
        string.Join("\n", contents.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => ReportSnapshot.Canonical(c.Value)));

    private static CurrentUser District()
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "bench-run"), new Claim(ClaimTypes.Role, EnumText.Of(Role.DistrictStaff))], "bench");
        return new CurrentUser(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity) } });
    }

    private static async Task Execute(string connection, string sql)
    {
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Units with the larger of entered and registered communities and villages (unknown when neither).</summary>
    private const string UnitsSql = """
        WITH children AS (
            SELECT ParentCode, sum(Kind = 'Community') AS communities, sum(Kind = 'Village') AS villages
            FROM Regions WHERE Kind IN ('Community', 'Village') GROUP BY ParentCode)
        SELECT r.Code, r.Kind,
               CASE WHEN r.CommunityCount IS NULL AND coalesce(ch.communities, 0) = 0 THEN NULL
                    ELSE max(coalesce(r.CommunityCount, 0), coalesce(ch.communities, 0)) END,
               CASE WHEN r.VillageCount IS NULL AND coalesce(ch.villages, 0) = 0 THEN NULL
                    ELSE max(coalesce(r.VillageCount, 0), coalesce(ch.villages, 0)) END
        FROM Regions r LEFT JOIN children ch ON ch.ParentCode = r.Code
        WHERE r.Kind IN ('Street', 'Town')
        """;

    /// <summary>Facilities operating on the quarter's last day per unit and type, with 附件1 compliance (the coverage baseline's
    /// <see cref="BaselineSql.OperatingCte"/>, $asOf bound to the quarter's end).</summary>
    private const string OperatingSql = "WITH " + BaselineSql.OperatingCte +
        " SELECT UnitCode, Type, n, compliant, socialized, medical, beds, nursing FROM operating";

    private static readonly (string Key, string Sql)[] FlowSql =
    [
        ("built", "SELECT UnitCode, count(*), 0 FROM Facilities WHERE OpenedOn IS NOT NULL AND OpenedOn <= $end GROUP BY UnitCode"),
        ("assessed", "SELECT e.UnitCode, count(DISTINCT a.ElderId), 0 FROM Assessments a JOIN Elders e ON e.Id = a.ElderId " +
            "WHERE a.AssessedOn BETWEEN $start AND $end GROUP BY e.UnitCode"),
        ("visits", "SELECT UnitCode, count(*), count(DISTINCT ElderId) FROM ServiceOrders WHERE Status = 'Completed' AND Verification = 'Verified' " +
            "AND WindowStart >= $startUtc AND WindowStart < $endUtc GROUP BY UnitCode"),
        ("meals", "SELECT UnitCode, count(*), 0 FROM MealOrders WHERE Date BETWEEN $start AND $end AND Status IN ('Served', 'Delivered') " +
            "GROUP BY UnitCode"),
        ("alarms", "SELECT UnitCode, count(*), sum(AcknowledgedAt IS NOT NULL AND AcknowledgedAt < $endUtc " +
            "AND (julianday(AcknowledgedAt) - julianday(RaisedAt)) * 86400 <= 60.0001) FROM Alarms " +
            "WHERE RaisedAt >= $startUtc AND RaisedAt < $endUtc AND (Outcome IS NULL OR Outcome <> 'Test') GROUP BY UnitCode"),
        ("complaints", "SELECT o.UnitCode, count(*), sum(c.ResolvedAt IS NOT NULL AND c.ResolvedAt <= c.DueAt AND c.ResolvedAt < $endUtc) " +
            "FROM Complaints c JOIN ServiceOrders o ON o.Id = c.OrderId WHERE c.ReceivedAt >= $startUtc AND c.ReceivedAt < $endUtc " +
            "GROUP BY o.UnitCode"),
        ("paid", "SELECT l.TownCode, sum(l.AmountFen), 0 FROM LedgerLines l JOIN PaymentBatches b ON b.Id = l.BatchId " +
            "WHERE l.Status = 'Paid' AND b.PaidOn BETWEEN $start AND $end GROUP BY l.TownCode"),
    ];

    private sealed record Op(int N, int Compliant, int Socialized, int Medical, int Beds, int Nursing);

    private static async Task<Dictionary<string, SnapshotContent>> BaselineAsync(string connection, ReportForm form)
    {
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync();
        async Task Read(string sql, Action<SqliteDataReader> row)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            cmd.Parameters.AddWithValue("$start", Q.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$end", Q.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$asOf", Q.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$startUtc", Q.StartUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$endUtc", Q.EndUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) row(r);
        }
        var units = new List<(string Code, string Kind, int? Communities, int? Villages)>();
        await Read(UnitsSql, r => units.Add((r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2),
            r.IsDBNull(3) ? null : r.GetInt32(3))));
        var operating = new Dictionary<(string, string), Op>();
        await Read(OperatingSql, r => operating[(r.GetString(0), r.GetString(1))] =
            new Op(r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7)));
        var flows = new Dictionary<(string Key, string Unit), (long A, long B)>();
        foreach (var (key, sql) in FlowSql)
            await Read(sql, r => flows[(key, r.GetString(0))] = (r.GetInt64(1), r.IsDBNull(2) ? 0 : r.GetInt64(2)));

        static IndicatorValue Share(long n, long d) => new(d == 0 ? null : Math.Round((decimal)n / d, 4, MidpointRounding.AwayFromZero), n, d);
        static IndicatorValue Cover(int compliant, int? required) =>
            required is > 0 ? Share(Math.Min(compliant, required.Value), required.Value) : new IndicatorValue(null, null, required);
        var result = new Dictionary<string, SnapshotContent>();
        foreach (var u in units)
        {
            Op Of(string type) => operating.GetValueOrDefault((u.Code, type)) ?? new Op(0, 0, 0, 0, 0, 0);
            var all = new[] { "StreetCenter", "CommunityStation", "TownCenter", "VillagePoint" }.Select(Of).ToList();
            (long A, long B) F(string key) => flows.GetValueOrDefault((key, u.Code));
            var centre = u.Kind == "Town" ? "TownCenter" : "StreetCenter";
            var values = new Dictionary<string, IndicatorValue>
            {
                [ReportIndicators.FacilitiesBuilt] = new(F("built").A),
                [ReportIndicators.OperatingStreetCenters] = new(Of("StreetCenter").N),
                [ReportIndicators.OperatingCommunityStations] = new(Of("CommunityStation").N),
                [ReportIndicators.OperatingTownCenters] = new(Of("TownCenter").N),
                [ReportIndicators.OperatingVillagePoints] = new(Of("VillagePoint").N),
                [ReportIndicators.CenterCoverage] = Cover(Of(centre).Compliant, 1),
                [ReportIndicators.StationCoverage] = Cover(Of("CommunityStation").Compliant, u.Communities),
                [ReportIndicators.VillagePointCoverage] = Cover(Of("VillagePoint").Compliant, u.Villages),
                [ReportIndicators.SocializedShare] = Share(all.Sum(o => o.Socialized), all.Sum(o => o.N)),
                [ReportIndicators.MedicalCareShare] = Share(all.Sum(o => o.Medical), all.Sum(o => o.N)),
                [ReportIndicators.NursingBedShare] = Share(all.Sum(o => o.Nursing), all.Sum(o => o.Beds)),
                [ReportIndicators.EldersAssessed] = new(F("assessed").A),
                [ReportIndicators.EldersServed] = new(F("visits").B),
                [ReportIndicators.VisitsVerified] = new(F("visits").A),
                [ReportIndicators.MealsServed] = new(F("meals").A),
                [ReportIndicators.AlarmsRaised] = new(F("alarms").A),
                [ReportIndicators.AlarmsAnsweredInTime] = Share(F("alarms").B, F("alarms").A),
                [ReportIndicators.Complaints] = new(F("complaints").A),
                [ReportIndicators.ComplaintsResolvedInTime] = Share(F("complaints").B, F("complaints").A),
                [ReportIndicators.MoneyPaid] = new(F("paid").A),
            };
            var codes = form.Indicators.Select(i => i.Code).ToHashSet();
            result[u.Code] = new SnapshotContent(u.Code, Q.Code, form.Year, "",
                values.Where(v => codes.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value));
        }
        return result;
    }
}
