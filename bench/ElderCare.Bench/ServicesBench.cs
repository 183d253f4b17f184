using ElderCare.Web.Infrastructure.Web;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ElderCare.Web.Data;
using ElderCare.Web.Data.Seed;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Bench;

/// <summary>
/// The services speed goals on a Rongchang-seeded SQLite file with 300,000 elders, 2,000 workers in 105 providers and
/// 1,000,000 past orders (a year): the dispatch suggestion (&lt; 50 ms median), a provider's order list (&lt; 100 ms) and
/// the month's verified-visit report for the district (&lt; 2 s), each through the app's use case (no HTTP) against a
/// hand-written SQL baseline in the same process, interleaved. Every round, the baseline's full answer (every row,
/// every field) must equal the app's, or the run stops. Writes the services section of RESULTS.md.
/// </summary>
public static class ServicesBench
{
    public const int Version = 2;
    private const int Seed = 20261129;
    private static readonly int Elders = Results.Size(300_000, 3_000), Providers = Results.Size(105, 21), Workers = Results.Size(2_000, 210),
        Orders = Results.Size(1_000_000, 20_000);

    /// <summary>Suggestions asked for: the most the endpoint gives (SuggestWorkers clamps take to 1–50), so the most rows are compared.</summary>
    internal const int Take = 50;

    /// <summary>Excluded workers the endpoint lists at most.</summary>
    private const int ExcludedShown = 50;

    /// <summary>Items the bench orders cycle through: no qualification, and each qualification the generated workers may hold.</summary>
    internal static readonly string[] BenchItems = ["cleaning", "bathing", "walking", "feeding"];

    internal const string BenchRaisedBy = "bench-run";

    public static string DefaultFile =>
        Path.Combine(BenchPaths.DataDir, $"services-v{Version}{(Results.Quick ? "-quick" : "")}.db");

    private static readonly JsonSerializerOptions Canonical = new() { Converters = { new KindFreeDateTime() } };

    public static async Task<int> RunAsync(string? file, int rounds)
    {
        file ??= DefaultFile;
        var generated = await EnsureAsync(file, Console.Out);
        await using var factory = new CityAppFactory(file);
        using var client = factory.CreateClient();
        (await client.GetAsync("/health")).EnsureSuccessStatusCode();
        var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
        var clock = TimeProvider.System;
        var rows = new List<string>();

        // 1. Dispatch suggestion for requested orders next week (items and windows vary), with other workers booked then.
        var removeBenchOrders = $"DELETE FROM ServiceOrders WHERE RaisedBy = '{BenchRaisedBy}'";
        await ExecuteAsync(connection, removeBenchOrders); // left over if an earlier run was killed
        var orderIds = await RequestedOrdersAsync(connection, Math.Max(rounds, 8));
        try
        {
            var dispatch = await TimeAsync("dispatch", rounds, i => App(factory, db =>
                SuggestWorkers.Handle(orderIds[i % orderIds.Count], Take, DataScope.District, db, clock, default)),
                i => BaselineDispatchAsync(connection, orderIds[i % orderIds.Count], clock.GetUtcNow().UtcDateTime), CompareSuggestions);
            rows.Add(Row("dispatch suggestion (`SuggestWorkers.Handle`, take 50)", dispatch, 50));
        }
        finally
        {
            await ExecuteAsync(connection, removeBenchOrders);
        }

        // 2. A provider's order list, first page of 20 newest.
        var providers = await ScalarListAsync(connection, "SELECT Id FROM ServiceProviders ORDER BY Id LIMIT 30");
        var list = await TimeAsync("order list", rounds, i => App(factory, db =>
            ListOrders.Handle(new ListOrders.Query { ProviderId = Guid.Parse(providers[i % providers.Count]), Page = 1, PageSize = 20 },
                DataScope.District, db, default)),
            i => BaselineListAsync(connection, providers[i % providers.Count]), (a, b) => Same("order list", a, b));
        rows.Add(Row("a provider's order list (`ListOrders.Handle`, page 1 of 20)", list, 100));

        // 3. Last month's verified-visit report for the district.
        var month = ServiceTime.AddMonths(ServiceTime.Month(DateTime.UtcNow), -1);
        var report = await TimeAsync("report", Math.Max(3, rounds / 5), _ => App(factory, db =>
            VisitReport.Handle(ServiceTime.MonthText(month), DataScope.District, db, clock, default)),
            _ => BaselineReportAsync(connection, month), (a, b) => Same("report", a, b));
        rows.Add(Row($"the month's verified-visit report, district ({ServiceTime.MonthText(month)}, `VisitReport.Handle`)", report, 2000));

        var pass = rows.All(r => r.EndsWith("✓ |", StringComparison.Ordinal));
        var text = new StringBuilder()
            .AppendLine("App = the use case as the endpoint calls it (EF Core, no HTTP/JSON). Baseline = hand-written SQL on a raw connection, " +
                "called in turn with the app in each round so both meet the same load. Before a round's times count, the baseline's full " +
                "answer must equal the app's: every suggestion (worker, name, provider, provider name, rounded distance, same-as-last-time, " +
                "in order) and every excluded worker with its reason; every field of every order row and the total; every provider row of " +
                "the report (all counts, subsidy, shares, in order) and the district totals.")
            .AppendLine()
            .AppendLine("| what | app median | app p95 | baseline median | ratio | goal | met |")
            .AppendLine("|---|---:|---:|---:|---:|---|:-:|");
        foreach (var r in rows) text.AppendLine(r);
        text.AppendLine()
            .AppendLine("Baselines: dispatch: the order, elder and item in one query, the regular client's last two visits, then every active " +
                "worker serving the elder's district, street/town or community/village (`json_each`), with the qualification and unexpired " +
                "certificate, weekly-slot and overlapping-booking tests as SQL columns; exclusion reasons and the ranking (regular worker, " +
                "distance, name) in C#. Order list: `COUNT(*)` and one page with names joined. Report: one `GROUP BY ProviderId` for the " +
                "month with provider names joined, shares and order in C#.")
            .AppendLine()
            .AppendLine($"Dispatch answers compared: {Checked.Suggestions:N0} suggestions ({Checked.Regular:N0} of them the regular client's " +
                $"last worker) and excluded workers by reason: {string.Join(", ", Checked.Reasons.Select(r => $"{r.Key} {r.Value:N0}"))}.")
            .AppendLine()
            .AppendLine($"Overall: **{Results.Verdict(pass)}**.");
        Results.Write("services", $"`{Path.GetRelativePath(BenchPaths.Repo, file)}` ({generated}); {rounds} rounds " +
            $"({Math.Max(3, rounds / 5)} for the report)", text.ToString());
        return pass || Results.Quick ? 0 : 1;
    }

    private static async Task<object> App<T>(CityAppFactory factory, Func<AppDbContext, Task<Outcome<T>>> handle)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var outcome = await handle(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        return (object?)outcome.Value ?? throw new InvalidOperationException($"the use case answered {outcome.Kind}: {outcome.Message}");
    }

    /// <summary>What the dispatch comparisons covered, for the section (so a check that compared nothing shows).</summary>
    private static class Checked
    {
        public static int Suggestions, Regular;
        public static readonly SortedDictionary<string, int> Reasons = new(StringComparer.Ordinal);
    }

    internal sealed record Timing(double AppMedian, double AppP95, double BaseMedian);

    private static string Row(string what, Timing t, double goalMs) =>
        $"| {what} | {t.AppMedian:0.0} ms | {t.AppP95:0.0} ms | {t.BaseMedian:0.0} ms | {t.AppMedian / Math.Max(t.BaseMedian, 0.001):0.0}× | " +
        $"< {goalMs:0} ms | {Results.Mark(t.AppMedian < goalMs)} |";

    /// <summary>Warm-up once, then per round the app and the baseline in turn; each round's answers are compared (untimed).</summary>
    internal static async Task<Timing> TimeAsync(string what, int rounds, Func<int, Task<object>> app, Func<int, Task<object>> baseline,
        Action<object, object> compare)
    {
        compare(await app(0), await baseline(0));
        var appTimes = new List<double>();
        var baseTimes = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var x = await app(i);
            appTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            var y = await baseline(i);
            baseTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            compare(x, y);
        }
        Console.WriteLine($"{what}: app median {Results.Percentile(appTimes, 0.5):F1} ms, baseline {Results.Percentile(baseTimes, 0.5):F1} ms");
        return new(Results.Percentile(appTimes, 0.5), Results.Percentile(appTimes, 0.95), Results.Percentile(baseTimes, 0.5));
    }

    internal static void Same(string what, object app, object baseline) =>
        Results.SameOrThrow(what, JsonSerializer.Serialize(app, app.GetType(), Canonical),
            JsonSerializer.Serialize(baseline, baseline.GetType(), Canonical));

    /// <summary>
    /// Suggestions in order, all fields. Excluded workers: the app lists the first 50 in the order the database returned
    /// the candidates (unspecified), so both lists are compared sorted by worker; beyond 50, the app's must be among the baseline's.
    /// The count of workers each rule left out and the number considered are compared whole.
    /// </summary>
    internal static void CompareSuggestions(object app, object baseline)
    {
        var (a, b) = ((SuggestionsResource)app, (SuggestionsResource)baseline);
        Same("dispatch suggestions", a.Suggestions, b.Suggestions);
        Checked.Suggestions += a.Suggestions.Count;
        Checked.Regular += a.Suggestions.Count(x => x.SameAsLastTime);
        foreach (var x in a.Excluded) Checked.Reasons[x.Reason] = Checked.Reasons.GetValueOrDefault(x.Reason) + 1;
        var appExcluded = a.Excluded.OrderBy(x => x.WorkerId).ToList();
        var baseExcluded = b.Excluded.OrderBy(x => x.WorkerId).ToList();
        if (baseExcluded.Count <= ExcludedShown) Same("dispatch exclusions", appExcluded, baseExcluded);
        else if (appExcluded.Count != ExcludedShown || appExcluded.Except(baseExcluded).Any())
            Same("dispatch exclusions (the first 50 of the baseline's)", appExcluded, baseExcluded);
        Same("dispatch exclusions by rule", a.Counts!, b.Counts!);
        Same("dispatch workers considered", a.Considered, b.Considered);
    }

    /// <summary>
    /// Requested orders next week for elders with a home, cycling items and windows; every other elder a regular client of
    /// the item; a tenth of the workers booked in each window. All removed after the dispatch benchmark.
    /// </summary>
    private static async Task<List<Guid>> RequestedOrdersAsync(string connection, int count)
    {
        var workers = (await ScalarListAsync(connection,
                "SELECT w.Id || ' ' || w.ProviderId || ' ' || p.UnitCode " +
                "FROM Workers w JOIN ServiceProviders p ON p.Id = w.ProviderId ORDER BY w.Id"))
            .Select(w => w.Split(' ')).Select(w => (Id: w[0], Provider: w[1], Unit: w[2])).ToList();
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync();
        await using var tx = conn.BeginTransaction();
        var items = new Dictionary<string, (string Id, string Name, int Minutes, long Price)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT Code, Id, Name, StandardMinutes, PriceFen FROM ServiceItems";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) items[r.GetString(0)] = (r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4));
        }
        var elders = new List<(string Id, string Unit, string Region)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = $"SELECT Id, UnitCode, RegionCode FROM Elders WHERE Latitude IS NOT NULL ORDER BY Id LIMIT {count * 50}";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) elders.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
        }
        var insert = Inserter(conn, tx, "ServiceOrders", "Id", "ElderId", "ServiceItemId", "ItemCode", "ItemName", "StandardMinutes", "ProviderId",
            "WorkerId",
            "UnitCode", "RegionCode", "WindowStart", "WindowEnd", "ServiceMonth", "Channel", "Status", "PriceFen", "SubsidyFen", "OwnShareFen",
                "Late",
            "ConfirmAttempts", "Verification", "RaisedBy", "CreatedAt", "Version", "Flags", "Transitions");
        var rng = new Random(Seed);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var ids = new List<Guid>();
        void Order(Guid id, (string Id, string Unit, string Region) elder, string code, string? worker, string? provider, DateTime start,
            string status)
        {
            var item = items[code];
            var window = (Start: ServiceTime.Utc(start), End: ServiceTime.Utc(start.AddHours(2)));
            Add(insert, id.ToString().ToUpperInvariant(), elder.Id, item.Id, code, item.Name, item.Minutes, provider, worker, elder.Unit,
                elder.Region,
                Instant(window.Start), Instant(window.End), ServiceTime.Month(window.Start), "Officer", status, item.Price, 0, item.Price, 0, 0,
                    "Pending",
                BenchRaisedBy, Instant(DateTime.UtcNow), 1, "[]", "[]");
        }
        for (var i = 0; i < count; i++)
        {
            var start = today.AddDays(7 + i % 7).ToDateTime(new TimeOnly(i % 2 == 0 ? 9 : 14, 0));
            var (id, elder, item) = (Guid.NewGuid(), elders[rng.Next(elders.Count)], BenchItems[i % BenchItems.Length]);
            Order(id, elder, item, null, null, start, "Requested");
            ids.Add(id);
            // Every other elder a regular client: two completed visits of the item by one local worker in the last 30 days.
            var local = workers.Where(w => w.Unit == elder.Unit).ToList();
            if (i % 2 == 0 && local.Count > 0 && local[rng.Next(local.Count)] is var regular)
                foreach (var daysAgo in new[] { 10, 20 })
                    Order(Guid.NewGuid(), elder, item, regular.Id, regular.Provider, today.AddDays(-daysAgo).ToDateTime(new TimeOnly(9, 0)),
                        "Completed");
            // Bookings in that window, overlapping it by an hour: some assigned, some in progress.
            foreach (var w in workers.Where((_, k) => k % 10 == i % 10))
                Order(Guid.NewGuid(), elders[rng.Next(elders.Count)], "cleaning", w.Id, w.Provider, start.AddHours(1),
                    rng.Next(2) == 0 ? "Assigned" : "InProgress");
        }
        tx.Commit();
        return ids;
    }

    private static string Instant(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static DateTime ReadInstant(SqliteDataReader r, int i) =>
        DateTime.ParseExact(r.GetString(i), "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static double? NullableDouble(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static async Task<object> BaselineDispatchAsync(string connection, Guid orderId, DateTime now)
    {
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync();
        var id = orderId.ToString().ToUpperInvariant();
        await using var order = conn.CreateCommand();
        order.CommandText = """
            SELECT o.ElderId, o.ItemCode, o.ProviderId, o.RegionCode, o.UnitCode, o.WindowStart, o.WindowEnd, e.Latitude, e.Longitude,
              i.RequiredQualification
            FROM ServiceOrders o JOIN Elders e ON e.Id = o.ElderId JOIN ServiceItems i ON i.Id = o.ServiceItemId
            WHERE o.Id = $id AND o.Status IN ('Requested', 'Assigned')
            """;
        order.Parameters.AddWithValue("$id", id);
        string elderId, itemCode, regionCode, unitCode;
        string? providerId, qualification;
        DateTime start, end;
        double? homeLat, homeLng;
        await using (var r = await order.ExecuteReaderAsync())
        {
            if (!await r.ReadAsync()) throw new InvalidOperationException($"order {id} not found");
            (elderId, itemCode, providerId, regionCode, unitCode) = (r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.GetString(3), r.GetString(4));
            (start, end, homeLat, homeLng, qualification) = (ReadInstant(r, 5), ReadInstant(r, 6), NullableDouble(r, 7), NullableDouble(r, 8),
                r.IsDBNull(9) ? null : r.GetString(9));
        }
        // A regular client (≥ 2 completed visits of the item in 90 days) gets the last worker first.
        await using var last = conn.CreateCommand();
        last.CommandText = """
            SELECT WorkerId FROM ServiceOrders WHERE ElderId = $elder AND ItemCode = $item AND Status = 'Completed' AND WorkerId IS NOT NULL
              AND WindowStart >= $since ORDER BY WindowStart DESC LIMIT 2
            """;
        last.Parameters.AddWithValue("$elder", elderId);
        last.Parameters.AddWithValue("$item", itemCode);
        last.Parameters.AddWithValue("$since", Instant(now.AddDays(-90)));
        var recent = new List<string>();
        await using (var lr = await last.ExecuteReaderAsync())
            while (await lr.ReadAsync()) recent.Add(lr.GetString(0));
        var regular = recent.Count == SuggestWorkers.RegularVisits ? recent[0] : null;

        var (localStart, oneDay, day, toMinute) = Window(start, end);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"""
            SELECT w.Id, w.Name, w.ProviderId, p.Name, w.LastLatitude, w.LastLongitude, w.BaseLatitude, w.BaseLongitude,
              $q IS NULL OR (EXISTS (SELECT 1 FROM json_each(w.Qualifications) q WHERE q.value = $q)
                AND EXISTS (SELECT 1 FROM json_each(w.Certificates) c WHERE c.value ->> 'Qualification' = $q AND c.value ->> 'ExpiresOn' >= $day)),
              $oneDay AND EXISTS (SELECT 1 FROM json_each(w.Availability) s
                WHERE s.value ->> 'Day' = $weekday AND s.value ->> 'FromMinute' <= $from AND s.value ->> 'ToMinute' >= $to),
              EXISTS (SELECT 1 FROM ServiceOrders b WHERE b.WorkerId = w.Id AND b.Id <> $id AND b.Status IN ('Assigned', 'InProgress')
                AND b.WindowStart < $end AND b.WindowStart > $earliest AND b.WindowEnd > $start)
            FROM Workers w LEFT JOIN ServiceProviders p ON p.Id = w.ProviderId
            WHERE w.Active AND EXISTS (SELECT 1 FROM json_each(w.RegionCodes) j WHERE j.value IN ($district, $unit, $region))
              {(providerId is null ? "" : "AND w.ProviderId = $provider")}
            """;
        foreach (var (name, value) in new (string, object?)[]
                 {
                     ("$id", id), ("$q", qualification),
                         ("$day", DateOnly.FromDateTime(localStart).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                     ("$oneDay", oneDay), ("$weekday", day), ("$from", (int)localStart.TimeOfDay.TotalMinutes), ("$to", toMinute),
                     ("$start", Instant(start)), ("$end", Instant(end)), ("$earliest", Instant(start.AddHours(-RaiseOrder.MaxWindowHours))),
                     ("$district", regionCode[..Math.Min(6, regionCode.Length)]), ("$unit", unitCode), ("$region", regionCode),
                         ("$provider", providerId),
                 })
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var candidates = new List<Candidate>();
        await using var w = await cmd.ExecuteReaderAsync();
        while (await w.ReadAsync())
            candidates.Add(new(Guid.Parse(w.GetString(0)), w.GetString(1), Guid.Parse(w.GetString(2)), w.IsDBNull(3) ? null : w.GetString(3),
                NullableDouble(w, 4), NullableDouble(w, 5), NullableDouble(w, 6), NullableDouble(w, 7), w.GetBoolean(8), w.GetBoolean(9),
                w.GetBoolean(10)));
        await w.CloseAsync();
        var ranked = Rank(candidates, qualification, regular is null ? null : Guid.Parse(regular), homeLat, homeLng);
        if (ranked.Suggestions.Count > 0) return ranked;
        // Nobody qualifies: as the app, the other active workers (of the order's provider) are counted and listed too, by name,
        // up to 50 in all.
        await using var outside = conn.CreateCommand();
        var others = $"""
            FROM Workers WHERE Active AND Id NOT IN (SELECT value FROM json_each($ids)) {(providerId is null ? "" : "AND ProviderId = $provider")}
            """;
        outside.CommandText = $"SELECT COUNT(*) {others}; SELECT Id, Name {others} ORDER BY Name LIMIT $take";
        outside.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(candidates.Select(c => c.Id.ToString().ToUpperInvariant())));
        outside.Parameters.AddWithValue("$provider", (object?)providerId ?? DBNull.Value);
        outside.Parameters.AddWithValue("$take", Math.Max(0, SuggestWorkers.MaxExcluded - ranked.Excluded.Count));
        await using var o = await outside.ExecuteReaderAsync();
        return await WithOutsideAsync(ranked, o);
    }

    /// <summary>A worker the baseline's query found, with its three tests as columns.</summary>
    internal sealed record Candidate(Guid Id, string Name, Guid ProviderId, string? ProviderName, double? LastLatitude, double? LastLongitude,
        double? BaseLatitude, double? BaseLongitude, bool Qualified, bool Available, bool Booked);

    /// <summary>
    /// The window in China time (UTC+8, no daylight saving): its start, whether it is one day, weekday 1–7 from Monday,
    /// its end minute.
    /// </summary>
    internal static (DateTime LocalStart, bool OneDay, int Day, int ToMinute) Window(DateTime start, DateTime end)
    {
        var (localStart, localEnd) = (start.AddHours(8), end.AddHours(8));
        var oneDay = localEnd.Date == localStart.Date || localEnd == localStart.Date.AddDays(1);
        var day = localStart.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)localStart.DayOfWeek;
        var toMinute = localEnd.Date == localStart.Date ? (int)localEnd.TimeOfDay.TotalMinutes : 24 * 60;
        return (localStart, oneDay, day, toMinute);
    }

    /// <summary>Exclusion reasons and the ranking (regular worker, distance, name), in C#, as the baselines do it.</summary>
    internal static SuggestionsResource Rank(IReadOnlyList<Candidate> candidates, string? qualification, Guid? regular, double? homeLat,
        double? homeLng)
    {
        var ok = new List<(SuggestionResource S, double Distance)>();
        var excluded = new List<DispatchExclusion>();
        foreach (var c in candidates)
        {
            (DispatchRule Rule, string Text)? reason = !c.Qualified
                ? (DispatchRule.Qualification, $"无有效的{ServiceLabels.Qualification(qualification)}证书")
                : !c.Available ? (DispatchRule.Hours, "该时段不在工作时间内")
                : c.Booked ? (DispatchRule.Booked, "该时段已有其他工单") : null;
            if (reason is { } r)
            {
                excluded.Add(new(c.Id, c.Name, r.Text, r.Rule, r.Rule != DispatchRule.Booked));
                continue;
            }
            var at = c.LastLatitude is { } la && c.LastLongitude is { } lo ? new GeoPoint(la, lo)
                : c.BaseLatitude is { } ba && c.BaseLongitude is { } bo ? new GeoPoint(ba, bo) : (GeoPoint?)null;
            double? distance = homeLat is { } hl && homeLng is { } hg && at is { } p ? Geo.DistanceMeters(p, new GeoPoint(hl, hg)) : null;
            ok.Add((new SuggestionResource(c.Id, c.Name, c.ProviderId, c.ProviderName, distance is { } d ? Math.Round(d) : null, c.Id == regular),
                distance ?? double.MaxValue));
        }
        var ranked = ok.OrderByDescending(s => s.S.SameAsLastTime).ThenBy(s => s.Distance).ThenBy(s => s.S.Name, StringComparer.Ordinal)
            .Take(Take).Select(s => s.S).ToList();
        var counts = excluded.GroupBy(x => x.Rule).ToDictionary(g => g.Key, g => g.Count());
        return new SuggestionsResource(ranked, excluded, ByRule(counts), candidates.Count);
    }

    /// <summary>
    /// Nobody qualifies: the other active workers in scope do not serve the region. <paramref name="outside"/> answers
    /// their count, then the first of them by name (id, name); those join the exclusions, and all are counted under that
    /// rule and as considered, as the app does.
    /// </summary>
    internal static async Task<SuggestionsResource> WithOutsideAsync(SuggestionsResource ranked, DbDataReader outside)
    {
        await outside.ReadAsync();
        var count = Convert.ToInt32(outside.GetValue(0), CultureInfo.InvariantCulture);
        await outside.NextResultAsync();
        var listed = new List<DispatchExclusion>();
        while (await outside.ReadAsync())
            listed.Add(new(outside.GetGuid(0), outside.GetString(1), "不服务该区域", DispatchRule.Region, true));
        var counts = ranked.Counts!.ToDictionary(c => c.Rule, c => c.Workers);
        if (count > 0) counts[DispatchRule.Region] = counts.GetValueOrDefault(DispatchRule.Region) + count;
        return ranked with { Excluded = [.. ranked.Excluded, .. listed], Counts = ByRule(counts), Considered = ranked.Considered + count };
    }

    private static List<RuleCount> ByRule(Dictionary<DispatchRule, int> counts) =>
        counts.OrderBy(c => c.Key).Select(c => new RuleCount(c.Key, Dispatch.Label(c.Key), c.Value)).ToList();

    private static async Task<object> BaselineListAsync(string connection, string providerId)
    {
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync();
        await using var count = conn.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM ServiceOrders WHERE ProviderId = $p";
        count.Parameters.AddWithValue("$p", providerId);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            SELECT o.Id, o.ElderId, e.Name, o.ItemName, p.Name, w.Name, o.RegionCode, o.WindowStart, o.WindowEnd, o.Status, o.Verification, o.Late,
                   o.SubsidyFen, o.OwnShareFen
            FROM ServiceOrders o
            JOIN Elders e ON e.Id = o.ElderId LEFT JOIN ServiceProviders p ON p.Id = o.ProviderId LEFT JOIN Workers w ON w.Id = o.WorkerId
            WHERE o.ProviderId = $p ORDER BY o.WindowStart DESC, o.Id LIMIT 20
            """;
        cmd.Parameters.AddWithValue("$p", providerId);
        var rows = new List<OrderRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new OrderRow(Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.GetString(2), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), ReadInstant(r, 7), ReadInstant(r, 8), Enum.Parse<OrderStatus>(r.GetString(9)),
                Enum.Parse<Verification>(r.GetString(10)), r.GetBoolean(11), r.GetInt64(12), r.GetInt64(13)));
        return new Paged<OrderRow>(rows, 1, 20, total);
    }

    private static async Task<object> BaselineReportAsync(string connection, int month)
    {
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            SELECT g.ProviderId, p.Name, g.Orders, g.Completed, g.Verified, g.Flagged, g.Late, g.Missed, g.Cancelled, g.CheckedIn, g.Subsidy
            FROM (SELECT ProviderId, COUNT(*) AS Orders, SUM(Status = 'Completed') AS Completed,
                         SUM(Status = 'Completed' AND Verification = 'Verified') AS Verified, SUM(Verification = 'Flagged') AS Flagged,
                         SUM(Late) AS Late, SUM(Status = 'Missed') AS Missed, SUM(Status = 'Cancelled') AS Cancelled,
                         SUM(CheckInAt IS NOT NULL) AS CheckedIn,
                         SUM(CASE WHEN Status = 'Completed' AND Verification = 'Verified' THEN SubsidyFen ELSE 0 END) AS Subsidy
                  FROM ServiceOrders WHERE ServiceMonth = $m GROUP BY ProviderId) g
            LEFT JOIN ServiceProviders p ON p.Id = g.ProviderId
            """;
        cmd.Parameters.AddWithValue("$m", month);
        var providers = new List<ProviderMonth>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            int N(int i) => r.GetInt32(i);
            var (completed, verified, late, checkedIn) = (N(3), N(4), N(6), N(9));
            providers.Add(new ProviderMonth(r.IsDBNull(0) ? null : Guid.Parse(r.GetString(0)),
                r.IsDBNull(0) ? "（未派单）" : r.IsDBNull(1) ? "" : r.GetString(1),
                N(2), completed, verified, N(5), late, N(7), N(8), r.GetInt64(10),
                completed == 0 ? null : Math.Round((double)verified / completed, 4),
                    checkedIn == 0 ? null : Math.Round(1 - (double)late / checkedIn, 4)));
        }
        providers = [.. providers.OrderBy(p => p.ProviderName, StringComparer.Ordinal)];
        return new VisitReportResource(ServiceTime.MonthText(month), providers.Sum(p => p.Orders), providers.Sum(p => p.Completed),
            providers.Sum(p => p.Verified), providers.Sum(p => p.Flagged), providers.Sum(p => p.Late), providers.Sum(p => p.Missed),
            providers.Sum(p => p.VerifiedSubsidyFen), providers);
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ScalarListAsync(string connection, string sql)
    {
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add(r.GetString(0));
        return list;
    }

    /// <summary>DateTimes as the wall-clock value whatever their Kind (EF and a raw reader differ only in Kind).</summary>
    private sealed class KindFreeDateTime : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture));
    }

    /// <summary>Generates the data set once per <see cref="Version"/> and migration set; returns a description.</summary>
    public static async Task<string> EnsureAsync(string file, TextWriter log)
    {
        var described = $"{Elders:N0} elders, {Workers:N0} workers in {Providers} providers, {Orders:N0} past orders over 12 months";
        if (File.Exists(file))
        {
            await using var check = new SqliteAppDbContext(
                new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options);
            if ((await check.Database.GetPendingMigrationsAsync()).Any()) File.Delete(file);
            else
            {
                log.WriteLine($"Services data: reusing {file}.");
                return described;
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + ".partial";
        File.Delete(temp);
        var sw = Stopwatch.StartNew();
        var cs = new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ToString();
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(cs).Options))
        {
            await Database.MigrateAsync(db);
            await RongchangSeed.RunAsync(db);
        }
        await using (var conn = new SqliteConnection(cs))
        {
            await conn.OpenAsync();
            await using (var tx = conn.BeginTransaction())
            {
                await GenerateAsync(conn, tx);
                tx.Commit();
            }
            await using var analyze = conn.CreateCommand();
            analyze.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
            await analyze.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        foreach (var side in new[] { "-wal", "-shm" }) File.Delete(temp + side);
        File.Move(temp, file, overwrite: true);
        log.WriteLine($"Services data: generated {file} in {sw.Elapsed.TotalSeconds:F0} s.");
        return described;
    }

    private static async Task GenerateAsync(SqliteConnection conn, SqliteTransaction tx)
    {
        var rng = new Random(Seed);
        string Id() => Guid.CreateVersion7().ToString().ToUpperInvariant();
        var units = RongchangSeed.Units.Select(u => u.Code).ToList();
        var now = DateTime.UtcNow;
        var created = Instant(now.AddYears(-2));

        var elderIns = Inserter(conn, tx, "Elders", "Id", "Name", "IdNumberProtected", "IdNumberIndex", "BirthDate", "Sex", "Latitude", "Longitude",
            "RegionCode",
            "UnitCode", "LivingArrangement", "Categories", "ConsentBasis", "ConsentOn", "ConsentRecordedBy", "Status", "StatusOn", "Version",
                "CreatedAt", "UpdatedAt", "EmergencyContacts");
        var elders = new (string Id, string Unit, double Lat, double Lng)[Elders];
        string[] living = ["Alone", "EmptyNest", "LeftBehind", "WithFamily"];
        for (var i = 0; i < Elders; i++)
        {
            var unit = units[rng.Next(units.Count)];
            var (lat, lng) = (29.25 + rng.NextDouble() * 0.35, 105.35 + rng.NextDouble() * 0.45);
            elders[i] = (Id(), unit, lat, lng);
            Add(elderIns, elders[i].Id, "老人" + i, "bench", "bench-" + i,
                new DateOnly(1930 + rng.Next(36), 1 + rng.Next(12), 1 + rng.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                rng.Next(2) == 0 ? "Male" : "Female", lat, lng, unit, unit, living[rng.Next(4)], rng.Next(10) == 0 ? "[\"ExtremePoverty\"]" : "[]",
                    "本人同意", "2024-01-01", "bench",
                "Active", "2024-01-01", 1, created, created, "[]");
        }
        var providerIns = Inserter(conn, tx, "ServiceProviders", "Id", "Name", "UnitCode", "Active", "CreatedAt");
        var providers = new List<(string Id, string Unit)>();
        for (var i = 0; i < Providers; i++)
        {
            var p = (Id(), units[i % units.Count]);
            providers.Add(p);
            Add(providerIns, p.Item1, $"服务机构{i}", p.Item2, 1, created);
        }
        var workerIns = Inserter(conn, tx, "Workers", "Id", "ProviderId", "Name", "Kind", "Qualifications", "Certificates", "RegionCodes",
            "Availability",
            "BaseLatitude", "BaseLongitude", "Active", "CreatedAt");
        var workersByUnit = units.ToDictionary(u => u, _ => new List<(string Id, string Provider)>());
        for (var i = 0; i < Workers; i++)
        {
            var p = providers[i % Providers];
            var id = Id();
            workersByUnit[p.Unit].Add((id, p.Id));
            var (qualifications, certificates) = WorkerQualifications(rng);
            Add(workerIns, id, p.Id, $"护理员{i}", "Caregiver", qualifications, certificates, $"[\"{p.Unit}\"]", WorkerAvailability(rng),
                29.25 + rng.NextDouble() * 0.35, 105.35 + rng.NextDouble() * 0.45, rng.Next(100) < 95 ? 1 : 0, created);
        }
        var items = new List<(string Id, string Code, string Name, int Minutes, long Price)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT Id, Code, Name, StandardMinutes, PriceFen FROM ServiceItems";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) items.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4)));
        }
        var orderIns = Inserter(conn, tx, "ServiceOrders", "Id", "ElderId", "ServiceItemId", "ItemCode", "ItemName", "StandardMinutes", "ProviderId",
            "WorkerId", "UnitCode",
            "RegionCode", "WindowStart", "WindowEnd", "ServiceMonth", "Channel", "Status", "PriceFen", "SubsidyFen", "OwnShareFen", "CheckInAt",
                "CheckInLatitude",
            "CheckInLongitude", "CheckOutAt", "CheckOutLatitude", "CheckOutLongitude", "Late", "ConfirmAttempts", "ConfirmedAt", "Verification",
                "RaisedBy", "CreatedAt",
            "Version", "Flags", "Transitions");
        for (var i = 0; i < Orders; i++)
        {
            var e = elders[rng.Next(Elders)];
            var staff = workersByUnit[e.Unit];
            var (workerId, providerId) = staff[rng.Next(staff.Count)];
            var item = items[rng.Next(items.Count)];
            var day = DateOnly.FromDateTime(now.AddHours(8)).AddDays(-1 - rng.Next(365));
            var start = ServiceTime.Utc(day.ToDateTime(new TimeOnly(8 + rng.Next(9), 0)));
            var (status, completed, verified, late, subsidy, checkIn, checkOut) = OrderDraw.Of(rng, start, item.Minutes, item.Price);
            Add(orderIns, Id(), e.Id, item.Id, item.Code, item.Name, item.Minutes, providerId, workerId, e.Unit, e.Unit, Instant(start),
                Instant(start.AddHours(1)),
                ServiceTime.Month(start), "Officer", status, item.Price, subsidy, item.Price - subsidy,
                completed ? Instant(checkIn) : null, completed ? e.Lat : null, completed ? e.Lng : null, completed ? Instant(checkOut) : null,
                    completed ? e.Lat : null,
                completed ? e.Lng : null, late ? 1 : 0, 0, verified ? Instant(checkOut) : null,
                    verified ? "Verified" : completed ? "Flagged" : "Pending", "bench",
                Instant(start.AddDays(-2)), 1, completed && !verified ? "[{\"Code\":\"not-confirmed\",\"Detail\":\"未输入确认码。\"}]" : "[]",
                $"[{{\"Status\":\"{status}\",\"At\":\"{start:yyyy-MM-ddTHH:mm:ss}\",\"By\":\"bench\",\"Note\":null}}]");
        }
    }

    /// <summary>
    /// Every worker a helper; 60 % also elder-care, 30 % bathing. Each held qualification has a certificate, except 8 %
    /// without one; 10 % of certificates expired, so dispatch's qualification test excludes some workers for each item.
    /// </summary>
    internal static (string Qualifications, string Certificates) WorkerQualifications(Random rng)
    {
        var held = new List<string> { "helper" };
        if (rng.Next(100) < 60) held.Add("elder-care");
        if (rng.Next(100) < 30) held.Add("bathing");
        var certificates = held.Where(_ => rng.Next(100) >= 8)
            .Select(q => $"{{\"Qualification\":\"{q}\",\"Number\":null,\"ExpiresOn\":\"{(rng.Next(100) < 10 ? "2025-06-30" : "2030-12-31")}\"}}");
        return ("[" + string.Join(",", held.Select(q => $"\"{q}\"")) + "]", "[" + string.Join(",", certificates) + "]");
    }

    /// <summary>70 % every day 08:00–18:00, 20 % weekday mornings 08:00–12:00, 10 % weekend afternoons 13:00–18:00.</summary>
    internal static string WorkerAvailability(Random rng)
    {
        var roll = rng.Next(100);
        var (days, from, to) = roll < 70 ? (Enumerable.Range(1, 7), 480, 1080) : roll < 90 ? (Enumerable.Range(1, 5), 480,
            720) : (Enumerable.Range(6, 2), 780, 1080);
        return "[" + string.Join(",", days.Select(d => $"{{\"Day\":{d},\"FromMinute\":{from},\"ToMinute\":{to}}}")) + "]";
    }

    /// <summary>A prepared INSERT of the columns (parameters $p0…); the subsidies data uses it too.</summary>
    internal static SqliteCommand Inserter(SqliteConnection conn, SqliteTransaction tx, string table, params string[] columns)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < columns.Length; i++) cmd.Parameters.Add(new SqliteParameter("$p" + i, null));
        cmd.Prepare();
        return cmd;
    }

    internal static void Add(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        cmd.ExecuteNonQuery();
    }
}
