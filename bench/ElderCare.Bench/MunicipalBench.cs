using System.Diagnostics;
using System.Globalization;
using System.Text;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace ElderCare.Bench;

/// <summary>
/// Municipal scale on PostgreSQL (ADR 32): the app in process on <see cref="MunicipalData"/> at 1×, 4× and 16× (16× is
/// Chongqing's size), timing elder lookup by ID number (&lt; 20 ms median), a town's filtered elder list (&lt; 100 ms),
/// a district's coverage and its KPIs (&lt; 300 ms each), the dispatch suggestion (&lt; 50 ms) and an import of elders
/// (1,000,000 in &lt; 10 min; one workbook of 100,000 rows timed and scaled to a million), each beside a hand-written SQL baseline
/// checked equal first where one exists; then the month-range reads and the retention delete that decide whether
/// orders and alarms need monthly partitions. Writes the municipal section of RESULTS.md.
/// </summary>
public static class MunicipalBench
{
    private static readonly int ImportRows = Results.Size(100_000, 2_000);
    private const long ImportGoalRows = 1_000_000;
    private static readonly int Rounds = Results.Size(30, 3);

    /// <summary>A district's coverage and KPIs: fewer rounds, each call reads all the district's priority elders.</summary>
    private static readonly int ReadRounds = Results.Size(10, 2);

    private sealed record Measure(string What, double GoalMs, double? App, double? AppP95, double? Baseline, string Note = "");

    private sealed record ScaleRun(int Scale, MunicipalBuild Build, List<Measure> Measures, List<(string Table, long Bytes, long Rows)> Sizes,
        long DatabaseBytes, List<string> Plans);

    public static async Task<int> RunAsync(string[] args)
    {
        var scales = (Option(args, "--scales") ?? Results.Size("1,4,16", "1"))
            .Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var runs = new List<ScaleRun>();
        foreach (var scale in scales)
        {
            Console.WriteLine($"== municipal {scale}×");
            runs.Add(await RunScaleAsync(scale));
        }
        var pass = runs.Count > 0 && runs[^1].Measures.All(m => m.App is null || m.App < m.GoalMs);
        Results.Write("municipal",
            $"`MunicipalData` v{MunicipalData.Version}, seed {MunicipalData.Seed}, on {await ServerSettingsAsync()}: " +
            $"scales {string.Join(", ", scales.Select(s => s + "×"))} " +
            $"of 7,000,000 elders / 20,000 workers / 30,000,000 orders / 5,000,000 alarms; the city's 12,232 regions and 12,000 facilities " +
            "at every scale", Render(runs, scales));
        return pass || Results.Quick ? 0 : 1;
    }

    /// <summary>The server's version and the settings that decide these reads (memory for caching and sorting, JIT) and the
    /// import (how much WAL between checkpoints).</summary>
    private static async Task<string> ServerSettingsAsync()
    {
        await using var conn = new NpgsqlConnection(MunicipalData.ConnectionOf("postgres"));
        await conn.OpenAsync();
        var settings = new List<string>();
        foreach (var name in new[] { "shared_buffers", "effective_cache_size", "work_mem", "jit", "max_wal_size", "checkpoint_timeout" })
        {
            await using var show = new NpgsqlCommand($"SHOW {name}", conn);
            settings.Add($"{name} {await show.ExecuteScalarAsync()}");
        }
        return $"PostgreSQL {conn.PostgreSqlVersion} ({string.Join(", ", settings)})";
    }

    private static async Task<ScaleRun> RunScaleAsync(int scale)
    {
        var build = await MunicipalData.EnsureAsync(scale, Console.Out);
        var name = MunicipalData.DatabaseName(scale);
        await using var app = await ElderRegistryBench.RegistryApp.StartAsync(DatabaseProvider.Postgres, name);
        var measures = new List<Measure>();
        await using var conn = new NpgsqlConnection(MunicipalData.ConnectionOf(name));
        await conn.OpenAsync();

        // Lookup by ID number and a town's filtered list: the registry bench's requests and baselines, checked equal first.
        var ids = await SampleIdNumbersAsync(conn, app, build.Elders);
        foreach (var id in ids.Take(Results.Size(50, 10)))
            Results.SameOrThrow($"lookup of {id[..6]}…", await app.LookupAsync(id), await app.LookupSqlAsync(id));
        var towns = await MunicipalData.ScalarsAsync(conn, """SELECT "Code" FROM "Regions" WHERE "Kind" = 'Town' ORDER BY "Code" """);
        towns = towns.Where((_, i) => i % Math.Max(1, towns.Count / 40) == 0).ToList();
        string ListUrl(int i) => $"/api/elders?regionCode={towns[i % towns.Count]}&ageBand=80%2B&level=2&page=3&pageSize=20";
        for (var i = 0; i < towns.Count; i++)
            Results.SameOrThrow($"list of {towns[i]}", await app.ListAsync(ListUrl(i)), await app.ListSqlAsync(towns[i]));
        int lookup = 0, lookupSql = 0, list = 0, listSql = 0;
        var times = await ElderRegistryBench.InterleavedAsync(
        [
            ("lookup", async () => await app.LookupAsync(ids[lookup++ % ids.Count])),
            ("lookupSql", async () => await app.LookupSqlAsync(ids[lookupSql++ % ids.Count])),
            ("list", async () => await app.ListAsync(ListUrl(list++))),
            ("listSql", async () => await app.ListSqlAsync(towns[listSql++ % towns.Count])),
        ]);
        measures.Add(new("elder lookup by ID number (`POST /api/elders/lookup`)", 20, times["lookup"].Median, times["lookup"].P95,
            times["lookupSql"].Median));
        measures.Add(new($"a town's filtered elder list (`GET /api/elders`, 80+ at level 2, page 3 of 20; {towns.Count} towns in turn)", 100,
            times["list"].Median, times["list"].P95, times["listSql"].Median));

        // A district's coverage and KPIs beside the hand-written baselines (BaselinePostgres): every unit, cell and KPI checked equal first.
        var district = (await MunicipalData.ScalarsAsync(conn,
            """SELECT "Code" FROM "Regions" WHERE "Kind" = 'District' ORDER BY "Code" LIMIT 1"""))[0];
        var asOf = app.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (coverageUrl, kpisUrl) = ($"/api/coverage?asOf={asOf}&regionCode={district}", $"/api/kpis?asOf={asOf}&regionCode={district}");
        var connection = MunicipalData.ConnectionOf(name);
        var verified = CityApp.SameOrThrow(await app.Client.GetByteArrayAsync(coverageUrl), await app.Client.GetByteArrayAsync(kpisUrl),
            await BaselinePostgres.CoverageAsync(connection, app.Today, district), await BaselinePostgres.KpisAsync(connection, app.Today, district));
        Console.WriteLine($"  {district}: the baseline gives the app's numbers for {verified.Units} units × 4 types and {verified.Kpis.Count} KPIs");
        // Both read the elders' last verified visit (ServiceContacts): it must agree with the orders of every elder of the district.
        var stale = await MunicipalData.ScalarsAsync(conn, $"""
            SELECT count(*)::text FROM "Elders" e WHERE starts_with(e."UnitCode", '{district}')
              AND e."LastVerifiedVisitAt" IS DISTINCT FROM (SELECT max(o."WindowStart") FROM "ServiceOrders" o
                  WHERE o."ElderId" = e."Id" AND o."Status" = 'Completed' AND o."Verification" = 'Verified')
            """);
        if (stale[0] != "0")
            throw new InvalidOperationException($"{stale[0]} elders of {district} have a last verified visit their orders do not give");
        var reads = await Results.InterleavedAsync(
        [
            ("coverage", () => app.ListAsync(coverageUrl)),
            ("coverageSql", () => BaselinePostgres.CoverageAsync(connection, app.Today, district)),
            ("kpis", () => app.ListAsync(kpisUrl)),
            ("kpisSql", () => BaselinePostgres.KpisAsync(connection, app.Today, district)),
        ], 1, ReadRounds);
        measures.Add(new($"a district's coverage (`GET /api/coverage?regionCode={district}`)", 300, Results.Percentile(reads["coverage"], 0.5),
            Results.Percentile(reads["coverage"], 0.95), Results.Percentile(reads["coverageSql"], 0.5)));
        measures.Add(new($"a district's KPIs (`GET /api/kpis?regionCode={district}`)", 300, Results.Percentile(reads["kpis"], 0.5),
            Results.Percentile(reads["kpis"], 0.95), Results.Percentile(reads["kpisSql"], 0.5)));

        measures.Add(await DispatchAsync(app, conn));
        measures.Add(await ImportAsync(app, conn, scale));

        var plans = new List<string>();
        measures.AddRange(await MonthReadsAsync(conn, plans));

        var sizes = new List<(string, long, long)>();
        foreach (var table in new[] { "Elders", "ServiceOrders", "Alarms", "Workers", "AuditEntries", "Facilities", "Regions" })
        {
            await using var cmd = new NpgsqlCommand($"""SELECT pg_total_relation_size('"{table}"'), (SELECT count(*) FROM "{table}")""", conn);
            await using var r = await cmd.ExecuteReaderAsync();
            await r.ReadAsync();
            sizes.Add((table, r.GetInt64(0), r.GetInt64(1)));
        }
        await using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", conn);
        return new ScaleRun(scale, build, measures, sizes, (long)(await size.ExecuteScalarAsync())!, plans);
    }

    /// <summary>ID numbers of elders spread over the table (a page sample), decrypted with the app's field protector.</summary>
    private static async Task<List<string>> SampleIdNumbersAsync(NpgsqlConnection conn, ElderRegistryBench.RegistryApp app, long elders)
    {
        var percent = Math.Min(100, 2_000.0 * 100 / elders).ToString("0.####", CultureInfo.InvariantCulture);
        var stored = await MunicipalData.ScalarsAsync(conn, $"""
            SELECT "IdNumberProtected" FROM "Elders" TABLESAMPLE SYSTEM ({percent}) REPEATABLE (7) WHERE "ConsentRecordedBy" = 'bench' LIMIT 320
            """);
        return stored.Select(s => app.Protector.Unprotect(s)!).ToList();
    }

    /// <summary>
    /// Requested orders next week for elders whose street or town has workers, cycling the services bench's items; every other
    /// one a regular client (two completed visits of the item by a local worker in the last month). Added through the app's
    /// context, removed after.
    /// </summary>
    private static async Task<Measure> DispatchAsync(ElderRegistryBench.RegistryApp app, NpgsqlConnection conn)
    {
        await MunicipalData.ExecuteAsync(conn, $"""DELETE FROM "ServiceOrders" WHERE "RaisedBy" = '{ServicesBench.BenchRaisedBy}'""");
        var orders = new List<Guid>();
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var items = await db.ServiceItems.AsNoTracking().Where(i => ServicesBench.BenchItems.Contains(i.Code)).ToListAsync();
            var elders = await db.Elders.AsNoTracking().Where(e => e.ConsentRecordedBy == "bench")
                .Where(e => db.Workers.Any(w => w.Active && w.RegionCodes.Contains(e.UnitCode)))
                .OrderBy(e => e.Id).Take(Rounds * 4).Select(e => new { e.Id, e.UnitCode, e.RegionCode }).ToListAsync();
            var rng = new Random(MunicipalData.Seed);
            var now = DateTime.UtcNow;
            var today = app.Today;
            for (var i = 0; i < Math.Max(Rounds, 8); i++)
            {
                var elder = elders[rng.Next(elders.Count)];
                var item = items[i % items.Count];
                ServiceOrder Order(DateTime start, OrderStatus status, Guid? worker, Guid? provider)
                {
                    var window = ServiceTime.Utc(start);
                    var order = new ServiceOrder
                    {
                        ElderId = elder.Id, ServiceItemId = item.Id, ItemCode = item.Code, ItemName = item.Name,
                        StandardMinutes = item.StandardMinutes,
                        UnitCode = elder.UnitCode, RegionCode = elder.RegionCode, WindowStart = window, WindowEnd = window.AddHours(2),
                        ServiceMonth = ServiceTime.Month(window), Channel = OrderChannel.Officer, Status = status, PriceFen = item.PriceFen,
                        OwnShareFen = item.PriceFen, RaisedBy = ServicesBench.BenchRaisedBy, CreatedAt = now, WorkerId = worker,
                        ProviderId = provider,
                    };
                    db.ServiceOrders.Add(order);
                    return order;
                }
                orders.Add(Order(today.AddDays(7 + i % 7).ToDateTime(new TimeOnly(i % 2 == 0 ? 9 : 14, 0)), OrderStatus.Requested, null, null).Id);
                if (i % 2 == 0 && await db.Workers.AsNoTracking().Where(w => w.Active && w.RegionCodes.Contains(elder.UnitCode)).OrderBy(w => w.Id)
                        .Select(w => new { w.Id, w.ProviderId }).FirstOrDefaultAsync() is { } regular)
                    foreach (var daysAgo in new[] { 10, 20 })
                        Order(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(9, 0)), OrderStatus.Completed, regular.Id, regular.ProviderId);
            }
            await db.SaveChangesAsync();
        }
        try
        {
            var clock = TimeProvider.System;
            var t = await ServicesBench.TimeAsync("dispatch", Rounds, async i =>
                {
                    await using var scope = app.Factory.Services.CreateAsyncScope();
                    var outcome = await SuggestWorkers.Handle(orders[i % orders.Count], ServicesBench.Take, DataScope.District,
                        scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock, default);
                    return (object?)outcome.Value ?? throw new InvalidOperationException($"dispatch answered {outcome.Kind}: {outcome.Message}");
                },
                i => DispatchSqlAsync(conn, orders[i % orders.Count], clock.GetUtcNow().UtcDateTime), ServicesBench.CompareSuggestions);
            return new("dispatch suggestion (`SuggestWorkers.Handle`, take 50)", 50, t.AppMedian, t.AppP95, t.BaseMedian);
        }
        finally
        {
            await MunicipalData.ExecuteAsync(conn, $"""DELETE FROM "ServiceOrders" WHERE "RaisedBy" = '{ServicesBench.BenchRaisedBy}'""");
        }
    }

    /// <summary>The services bench's dispatch baseline in PostgreSQL's dialect: the same queries, the same ranking in C#.</summary>
    private static async Task<object> DispatchSqlAsync(NpgsqlConnection conn, Guid orderId, DateTime now)
    {
        await using var order = new NpgsqlCommand("""
            SELECT o."ElderId", o."ItemCode", o."ProviderId", o."RegionCode", o."UnitCode", o."WindowStart", o."WindowEnd", e."Latitude",
              e."Longitude", i."RequiredQualification"
            FROM "ServiceOrders" o JOIN "Elders" e ON e."Id" = o."ElderId" JOIN "ServiceItems" i ON i."Id" = o."ServiceItemId"
            WHERE o."Id" = @id AND o."Status" IN ('Requested', 'Assigned')
            """, conn);
        order.Parameters.AddWithValue("id", orderId);
        Guid elderId;
        Guid? providerId;
        string itemCode, regionCode, unitCode;
        string? qualification;
        DateTime start, end;
        double? homeLat, homeLng;
        await using (var r = await order.ExecuteReaderAsync())
        {
            if (!await r.ReadAsync()) throw new InvalidOperationException($"order {orderId} not found");
            (elderId, itemCode, providerId, regionCode, unitCode) = (r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetGuid(2),
                r.GetString(3), r.GetString(4));
            (start, end, homeLat, homeLng, qualification) = (r.GetDateTime(5), r.GetDateTime(6), r.IsDBNull(7) ? null : r.GetDouble(7),
                r.IsDBNull(8) ? null : r.GetDouble(8), r.IsDBNull(9) ? null : r.GetString(9));
        }
        await using var last = new NpgsqlCommand("""
            SELECT "WorkerId" FROM "ServiceOrders" WHERE "ElderId" = @elder AND "ItemCode" = @item AND "Status" = 'Completed'
              AND "WorkerId" IS NOT NULL AND "WindowStart" >= @since ORDER BY "WindowStart" DESC LIMIT 2
            """, conn);
        last.Parameters.AddWithValue("elder", elderId);
        last.Parameters.AddWithValue("item", itemCode);
        last.Parameters.AddWithValue("since", now.AddDays(-SuggestWorkers.RegularDays));
        var recent = new List<Guid>();
        await using (var lr = await last.ExecuteReaderAsync())
            while (await lr.ReadAsync()) recent.Add(lr.GetGuid(0));
        Guid? regular = recent.Count == SuggestWorkers.RegularVisits ? recent[0] : null;

        var (localStart, oneDay, day, toMinute) = ServicesBench.Window(start, end);
        await using var cmd = new NpgsqlCommand($"""
            SELECT w."Id", w."Name", w."ProviderId", p."Name", w."LastLatitude", w."LastLongitude", w."BaseLatitude", w."BaseLongitude",
              @q::text IS NULL OR (@q = ANY (w."Qualifications") AND EXISTS (SELECT 1 FROM jsonb_array_elements(w."Certificates") c
                WHERE c ->> 'Qualification' = @q AND c ->> 'ExpiresOn' >= @day)),
              @oneDay AND EXISTS (SELECT 1 FROM jsonb_array_elements(w."Availability") s
                WHERE (s ->> 'Day')::int = @weekday AND (s ->> 'FromMinute')::int <= @from AND (s ->> 'ToMinute')::int >= @to),
              EXISTS (SELECT 1 FROM "ServiceOrders" b WHERE b."WorkerId" = w."Id" AND b."Id" <> @id AND b."Status" IN ('Assigned', 'InProgress')
                AND b."WindowStart" < @end AND b."WindowStart" > @earliest AND b."WindowEnd" > @start)
            FROM "Workers" w LEFT JOIN "ServiceProviders" p ON p."Id" = w."ProviderId"
            WHERE w."Active" AND w."RegionCodes" && ARRAY[@district, @unit, @region]::text[]
              {(providerId is null ? "" : """AND w."ProviderId" = @provider""")}
            """, conn);
        cmd.Parameters.AddWithValue("id", orderId);
        cmd.Parameters.Add(new NpgsqlParameter("q", NpgsqlDbType.Text) { Value = (object?)qualification ?? DBNull.Value });
        cmd.Parameters.AddWithValue("day", DateOnly.FromDateTime(localStart).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("oneDay", oneDay);
        cmd.Parameters.AddWithValue("weekday", day);
        cmd.Parameters.AddWithValue("from", (int)localStart.TimeOfDay.TotalMinutes);
        cmd.Parameters.AddWithValue("to", toMinute);
        cmd.Parameters.AddWithValue("start", start);
        cmd.Parameters.AddWithValue("end", end);
        cmd.Parameters.AddWithValue("earliest", start.AddHours(-RaiseOrder.MaxWindowHours));
        cmd.Parameters.AddWithValue("district", regionCode[..Math.Min(6, regionCode.Length)]);
        cmd.Parameters.AddWithValue("unit", unitCode);
        cmd.Parameters.AddWithValue("region", regionCode);
        cmd.Parameters.Add(new NpgsqlParameter("provider", NpgsqlDbType.Uuid) { Value = (object?)providerId ?? DBNull.Value });
        var candidates = new List<ServicesBench.Candidate>();
        await using var w = await cmd.ExecuteReaderAsync();
        while (await w.ReadAsync())
            candidates.Add(new(w.GetGuid(0), w.GetString(1), w.GetGuid(2), w.IsDBNull(3) ? null : w.GetString(3), Double(w, 4), Double(w, 5),
                Double(w, 6), Double(w, 7), w.GetBoolean(8), w.GetBoolean(9), w.GetBoolean(10)));
        await w.CloseAsync();
        var ranked = ServicesBench.Rank(candidates, qualification, regular, homeLat, homeLng);
        if (ranked.Suggestions.Count > 0) return ranked;
        // Nobody qualifies: as the app, the other active workers (of the order's provider) are counted and listed too, by name,
        // up to 50 in all.
        var others = $"""
            FROM "Workers" WHERE "Active" AND NOT ("Id" = ANY (@ids)) {(providerId is null ? "" : """AND "ProviderId" = @provider""")}
            """;
        await using var outside = new NpgsqlCommand($"""SELECT COUNT(*) {others}; SELECT "Id", "Name" {others} ORDER BY "Name" LIMIT @take""", conn);
        outside.Parameters.AddWithValue("ids", candidates.Select(c => c.Id).ToArray());
        outside.Parameters.Add(new NpgsqlParameter("provider", NpgsqlDbType.Uuid) { Value = (object?)providerId ?? DBNull.Value });
        outside.Parameters.AddWithValue("take",
            Math.Max(0, SuggestWorkers.MaxExcluded - Math.Min(ranked.Excluded.Count, SuggestWorkers.MaxExcluded)));
        await using var o = await outside.ExecuteReaderAsync();
        return await ServicesBench.WithOutsideAsync(ranked, o);
    }

    private static double? Double(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    /// <summary>
    /// One workbook of 100,000 rows through the import use case (as the registry bench does), its time scaled linearly to
    /// 1,000,000 (the importer takes at most 200,000 rows a file, so a million is five files); no baseline: the row rate
    /// is the measure. The imported elders are removed after, so the data set stays as generated.
    /// </summary>
    private static async Task<Measure> ImportAsync(ElderRegistryBench.RegistryApp app, NpgsqlConnection conn, int scale)
    {
        var regions = await MunicipalData.ScalarsAsync(conn, """SELECT "Code" FROM "Regions" WHERE length("Code") >= 9 ORDER BY "Code" """);
        var (workbook, _) = ElderRegistryBench.Workbook(new Random(MunicipalData.Seed + scale), regions, app.Today, [], ImportRows);
        var started = DateTime.UtcNow;
        try
        {
            var (seconds, result) = await app.ImportAsync(workbook);
            if (result.Imported != ImportRows)
                throw new InvalidOperationException($"expected {ImportRows} imported, got {result.Imported} ({result.Errors.FirstOrDefault()})");
            var perMillion = seconds * ImportGoalRows / ImportRows;
            Console.WriteLine($"  import {ImportRows:N0}: {seconds:F1} s ({ImportRows / seconds:F0} rows/s), 1,000,000 ≈ {perMillion / 60:F1} min");
            return new(
                $"importing 1,000,000 elders (one {ImportRows:N0}-row workbook through `ImportElders.Handle`, × {ImportGoalRows / ImportRows})",
                10 * 60_000, perMillion * 1000, seconds * 1000, null,
                $"measured {ImportRows:N0} rows in {seconds:F1} s ({ImportRows / seconds:N0} rows/s), extrapolated linearly");
        }
        finally
        {
            await using var cmd = new NpgsqlCommand(
                """DELETE FROM "Elders" WHERE "ConsentRecordedBy" = 'bench-staff' AND "CreatedAt" >= @at""", conn);
            cmd.Parameters.AddWithValue("at", started.AddMinutes(-1));
            await cmd.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// What monthly partitions would change, measured: a month's read by the indexes the app has, the same read with
    /// index scans off (what a month partition's sequential scan costs is this over <see cref="MunicipalData.Months"/>),
    /// and removing the oldest month by DELETE (rolled back) where a partition would be detached or dropped.
    /// </summary>
    private static async Task<List<Measure>> MonthReadsAsync(NpgsqlConnection conn, List<string> plans)
    {
        var month = ServiceTime.AddMonths(ServiceTime.Month(DateTime.UtcNow), -1);
        var from = ServiceTime.Utc(new DateTime(month / 100, month % 100, 1));
        var to = ServiceTime.Utc(new DateTime(month / 100, month % 100, 1).AddMonths(1));
        var oldest = DateTime.UtcNow.AddMonths(-MunicipalData.Months + 1);
        (string What, string Sql)[] reads =
        [
            ("orders: a month's verified visits per provider (the visit report's read)",
                $"""
                SELECT "ProviderId", count(*), sum("SubsidyFen") FROM "ServiceOrders"
                WHERE "ServiceMonth" = {month} AND "Verification" = 'Verified' GROUP BY 1
                """),
            ("orders: a district's month by window (`UnitCode` prefix, `WindowStart` range)",
                $"""
                SELECT count(*), sum("PriceFen") FROM "ServiceOrders"
                WHERE "UnitCode" LIKE '500101%' AND "WindowStart" >= '{from:O}' AND "WindowStart" < '{to:O}'
                """),
            ("alarms: a month's alarms by kind (`RaisedAt` range)",
                $"""SELECT "Kind", count(*) FROM "Alarms" WHERE "RaisedAt" >= '{from:O}' AND "RaisedAt" < '{to:O}' GROUP BY 1"""),
        ];
        var measures = new List<Measure>();
        foreach (var (what, sql) in reads)
        {
            var indexed = await MedianAsync(conn, sql, 5);
            var scanned = await MedianAsync(conn,
                "SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_indexonlyscan = off; " + sql, 3);
            plans.Add($"{what}:\n" + await ExplainAsync(conn, sql));
            measures.Add(new(what, 300, indexed, null, scanned,
                "baseline = the same read with index scans off (a whole-table scan); " +
                $"one month partition's scan ≈ {scanned / MunicipalData.Months:F0} ms"));
        }
        foreach (var (table, column) in new[] { ("Alarms", "RaisedAt"), ("ServiceOrders", "WindowStart") })
        {
            var sql = $"""DELETE FROM "{table}" WHERE "{column}" < '{oldest:O}'""";
            await using var tx = await conn.BeginTransactionAsync();
            await MunicipalData.ExecuteAsync(conn, "SET LOCAL session_replication_role = replica"); // no cascades: the rows' own cost
            var sw = Stopwatch.StartNew();
            await using (var cmd = new NpgsqlCommand(sql, conn, tx)) await cmd.ExecuteNonQueryAsync();
            var ms = sw.Elapsed.TotalMilliseconds;
            await tx.RollbackAsync();
            measures.Add(new($"retention: removing the oldest month of `{table}` by DELETE (rolled back)", double.MaxValue, ms, null, null,
                "a monthly partition would be detached or dropped instead (catalogue change, milliseconds)"));
        }
        return measures;
    }

    private static async Task<double> MedianAsync(NpgsqlConnection conn, string sql, int rounds)
    {
        var times = new List<double>();
        for (var i = 0; i <= rounds; i++)
        {
            await using var tx = await conn.BeginTransactionAsync();
            var sw = Stopwatch.StartNew();
            await using (var cmd = new NpgsqlCommand(sql, conn, tx))
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync()) { }
            if (i > 0) times.Add(sw.Elapsed.TotalMilliseconds); // the first one warms the cache
            await tx.RollbackAsync();
        }
        return Results.Percentile(times, 0.5);
    }

    private static async Task<string> ExplainAsync(NpgsqlConnection conn, string sql)
    {
        var lines = await MunicipalData.ScalarsAsync(conn, "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql);
        return string.Join("\n", lines.Select(l => "    " + l));
    }

    private static string Render(List<ScaleRun> runs, List<int> asked)
    {
        var md = new StringBuilder();
        md.AppendLine("The app in process (TestServer, bearer token of district staff, production settings) on one PostgreSQL database per scale. " +
            $"Lookup and list: {ElderRegistryBench.Rounds} calls each after warm-up, app and baseline in turn (the registry bench's requests and " +
            $"baselines, every answer of the first 50 lookups and of every town checked equal first); a district's coverage and KPIs: " +
            $"{ReadRounds} rounds, every unit, cell and KPI checked equal to the baseline's first; " +
            $"dispatch: {Rounds} rounds, every round's answer checked equal to the baseline's. Times are medians.");
        md.AppendLine();
        md.Append("| goal | ");
        foreach (var r in runs) md.Append($"{r.Scale}× app | {r.Scale}× baseline | ");
        md.AppendLine("met at the largest |");
        md.Append("|---|");
        foreach (var _ in runs) md.Append("---:|---:|");
        md.AppendLine(":-:|");
        foreach (var (m, i) in runs[0].Measures.Select((m, i) => (m, i)))
        {
            md.Append($"| {m.What}{(m.GoalMs < double.MaxValue ? $" — goal < {Goal(m.GoalMs)}" : "")} | ");
            foreach (var r in runs) md.Append($"{Time(r.Measures[i].App)} | {Time(r.Measures[i].Baseline)} | ");
            var last = runs[^1].Measures[i];
            md.AppendLine(last.GoalMs < double.MaxValue && last.App is { } a ? $"{Results.Mark(a < last.GoalMs)} |" : "|");
        }
        md.AppendLine();
        foreach (var m in runs[^1].Measures.Where(m => m.Note.Length > 0)) md.AppendLine($"- {m.What}: {m.Note} (at {runs[^1].Scale}×).");
        var missing = asked.Except(runs.Select(r => r.Scale)).ToList();
        if (missing.Count > 0) md.AppendLine($"- Not run: {string.Join(", ", missing.Select(s => s + "×"))}.");
        md.AppendLine();
        md.AppendLine("### Data set per scale: rows, size on disk (tables with their indexes and TOAST), build time");
        md.AppendLine();
        md.Append("| | ");
        foreach (var r in runs) md.Append($"{r.Scale}× | ");
        md.AppendLine();
        md.Append("|---|");
        foreach (var _ in runs) md.Append("---:|");
        md.AppendLine();
        foreach (var (table, _, _) in runs[0].Sizes)
        {
            md.Append($"| `{table}` | ");
            foreach (var r in runs)
            {
                var s = r.Sizes.Single(x => x.Table == table);
                md.Append($"{s.Rows:N0} rows, {Bytes(s.Bytes)} | ");
            }
            md.AppendLine();
        }
        md.Append("| whole database | ");
        foreach (var r in runs) md.Append($"{Bytes(r.DatabaseBytes)} | ");
        md.AppendLine();
        foreach (var step in runs[^1].Build.Seconds.Keys)
        {
            md.Append($"| build: {step} | ");
            foreach (var r in runs) md.Append(r.Build.Seconds.TryGetValue(step, out var s) ? $"{s:F0} s | " : "— | ");
            md.AppendLine();
        }
        md.AppendLine();
        md.AppendLine($"### Month-range plans at {runs[^1].Scale}× (EXPLAIN ANALYZE)");
        md.AppendLine();
        md.AppendLine("```");
        foreach (var p in runs[^1].Plans) md.AppendLine(p);
        md.AppendLine("```");
        return md.ToString();
    }

    private static string Goal(double ms) => ms >= 60_000 ? $"{ms / 60_000:0} min" : $"{ms:0} ms";

    private static string Time(double? ms) => ms is not { } v ? "—" : v >= 60_000 ? $"{v / 60_000:F1} min" : v >= 10_000 ? $"{v / 1000:F1} s"
        : Results.Ms(v);

    private static string Bytes(long b) => b >= 1L << 30 ? $"{b / (double)(1L << 30):F2} GiB" : $"{b / (double)(1L << 20):F0} MiB";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
