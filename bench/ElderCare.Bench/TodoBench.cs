using System.Diagnostics;
using System.Globalization;
using System.Text;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Meals;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Features.Tasks;
using ElderCare.Web.Features.Todo;
using ElderCare.Web.Features.Todo.Sources;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Bench;

/// <summary>
/// The to-do count of the header badge (goal: &lt; 50 ms median at 300,000 elders) on a copy of the services data
/// (<see cref="ServicesBench"/>: 300,000 elders, 2,000 workers, 1,000,000 orders) with the to-do centre's records added:
/// tasks in every street and town (due, overdue, escalated), elders' last assessments (a third older than 12 months),
/// complaints (some overdue), escalated alarms, meal batches without samples. Timed through <see cref="CountTodos"/> with
/// every registered source, for the town officer of the street or town with the most elders and for district staff,
/// against one hand-written SQL statement per user; each source's count is checked equal to the baseline's first.
/// </summary>
public static class TodoBench
{
    public const int Version = 2;
    private const int Seed = 20261203;

    public static string DefaultFile => Path.Combine(BenchPaths.DataDir, $"todo-v{Version}{(Results.Quick ? "-quick" : "")}.db");

    public static async Task<int> RunAsync(int rounds)
    {
        var services = await ServicesBench.EnsureAsync(ServicesBench.DefaultFile, Console.Out);
        var file = DefaultFile;
        if (!File.Exists(file) || File.GetLastWriteTimeUtc(file) < File.GetLastWriteTimeUtc(ServicesBench.DefaultFile))
        {
            SqliteConnection.ClearAllPools();
            File.Copy(ServicesBench.DefaultFile, file + ".partial", overwrite: true);
            await GenerateAsync(file + ".partial");
            SqliteConnection.ClearAllPools();
            File.Move(file + ".partial", file, overwrite: true);
            Console.WriteLine($"To-do data: generated {file}.");
        }
        await using var factory = new CityAppFactory(file);
        using var client = factory.CreateClient();
        (await client.GetAsync("/health")).EnsureSuccessStatusCode();
        var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
        var unit = (await ScalarText(connection, "SELECT UnitCode FROM Elders GROUP BY UnitCode ORDER BY COUNT(*) DESC, UnitCode LIMIT 1"))!;
        var elders = await Scalar(connection, $"SELECT COUNT(*) FROM Elders WHERE UnitCode = '{unit}'");
        var users = new (string Name, TodoUser User)[]
        {
            ($"town officer of {unit} ({elders} elders)", new TodoUser(Role.TownOfficer, new DataScope(ScopeKind.Unit, unit, new HashSet<Guid>()),
                Guid.NewGuid())),
            ("district staff", new TodoUser(Role.DistrictStaff, DataScope.District, Guid.NewGuid())),
        };
        var rows = new List<string>();
        var notInBaseline = new SortedSet<string>(StringComparer.Ordinal);
        var checkedCounts = new List<string>();
        var perSource = new List<string>();
        foreach (var (name, user) in users)
        {
            var now = DateTime.UtcNow;
            // The answers first (untimed): each known source's count against the baseline's.
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var expected = await BaselineAsync(connection, user, now);
                foreach (var source in scope.ServiceProvider.GetServices<ITodoSource>())
                {
                    var key = source.GetType().Name;
                    var count = await source.CountAsync(user, db, now, default);
                    // A source the baseline does not know must answer nothing for this user (its work is another role's).
                    if (!expected.TryGetValue(key, out var want))
                    {
                        if (count != 0) notInBaseline.Add(key);
                    }
                    else Results.SameOrThrow($"{name}: {key}", count.ToString(CultureInfo.InvariantCulture),
                        want.ToString(CultureInfo.InvariantCulture));
                }
                checkedCounts.Add($"{name}: {string.Join(", ", expected.Select(e => $"{e.Key} {e.Value:N0}"))}");
                // Where the time goes: each source's COUNT alone, median of 10 after one warm-up.
                foreach (var source in scope.ServiceProvider.GetServices<ITodoSource>())
                {
                    var times = new List<double>();
                    for (var i = 0; i < 11; i++)
                    {
                        var started = Stopwatch.GetTimestamp();
                        await source.CountAsync(user, db, now, default);
                        if (i > 0) times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    perSource.Add($"{name}: {source.GetType().Name} {Results.Percentile(times, 0.5):0.0} ms");
                }
            }
            var app = new List<double>();
            var baseline = new List<double>();
            for (var i = 0; i < rounds + 1; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await using (var scope = factory.Services.CreateAsyncScope())
                    await CountTodos.Handle(user, scope.ServiceProvider.GetServices<ITodoSource>(),
                        scope.ServiceProvider.GetRequiredService<AppDbContext>(), DateTime.UtcNow, default);
                var a = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                started = Stopwatch.GetTimestamp();
                await BaselineAsync(connection, user, DateTime.UtcNow);
                var b = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (i == 0) continue; // warm-up
                app.Add(a);
                baseline.Add(b);
            }
            var (median, p95, baseMedian) = (Results.Percentile(app, 0.5), Results.Percentile(app, 0.95), Results.Percentile(baseline, 0.5));
            Console.WriteLine($"todo {name}: app median {median:F1} ms, baseline {baseMedian:F1} ms");
            rows.Add($"| to-do count, {name} (`CountTodos.Handle`) | {median:0.0} ms | {p95:0.0} ms | {baseMedian:0.0} ms | " +
                $"{median / Math.Max(baseMedian, 0.001):0.0}× | < 50 ms | {Results.Mark(median < 50)} |");
        }
        var pass = rows.All(r => r.EndsWith("✓ |", StringComparison.Ordinal));
        var text = new StringBuilder()
            .AppendLine("App = `CountTodos.Handle` with every registered `ITodoSource` (one COUNT query each, one DbContext, a new scope per " +
                "round), as the header badge calls it. Baseline = one hand-written SQL statement per user on a raw connection (a sub-select " +
                "per source), called in turn with the app. Before timing, each source's count must equal the baseline's.")
            .AppendLine()
            .AppendLine("| what | app median | app p95 | baseline median | ratio | goal | met |")
            .AppendLine("|---|---:|---:|---:|---:|---|:-:|");
        foreach (var r in rows) text.AppendLine(r);
        text.AppendLine().AppendLine($"Counts compared: {string.Join("; ", checkedCounts)}.");
        text.AppendLine().AppendLine($"Each source alone (median of 10): {string.Join("; ", perSource)}.");
        if (notInBaseline.Count > 0)
            text.AppendLine().AppendLine("Sources with a count but not in the baseline (add them to `TodoBench.BaselineAsync`): " +
                $"{string.Join(", ", notInBaseline)}.");
        text.AppendLine().AppendLine($"Overall: **{Results.Verdict(pass)}**.");
        Results.Write("todo", $"`{Path.GetRelativePath(BenchPaths.Repo, file)}` (the services data: {services}; plus tasks, assessments, " +
            $"complaints, alarms, meal batches); {rounds} rounds per user", text.ToString());
        return pass || Results.Quick ? 0 : 1;
    }

    private static async Task<long> Scalar(string connection, string sql)
    {
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<string?> ScalarText(string connection, string sql)
    {
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return (string?)await cmd.ExecuteScalarAsync();
    }

    private static string Instant(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Each known source's count for the user, in one statement (a sub-select each), keyed by the source's class name.</summary>
    private static async Task<Dictionary<string, long>> BaselineAsync(string connection, TodoUser user, DateTime now)
    {
        var today = TaskTodoSource.Today(now);
        var district = user.Scope.Kind == ScopeKind.District;
        var sources = district
            ? new (string Name, string Sql)[]
            {
                (nameof(TaskTodoSource), """
                    SELECT COUNT(*) FROM DutyTasks t WHERE t.Status IN ('Open', 'InProgress') AND (t.EscalationLevel >=
                      (SELECT MIN(Id) FROM TaskEscalationLevels WHERE NotifyRole = $role) OR (t.Kind = 'ConfirmPlan' AND t.DueOn <= $until))
                    """),
                (nameof(AlarmTodoSource), "SELECT COUNT(*) FROM Alarms WHERE Status <> 'Resolved' AND EscalatedToDistrictAt IS NOT NULL"),
                (nameof(ComplaintTodoSource), "SELECT COUNT(*) FROM Complaints WHERE ResolvedAt IS NULL AND DueAt < $now"),
            }
            : [
                (nameof(TaskTodoSource),
                    "SELECT COUNT(*) FROM DutyTasks WHERE UnitCode = $unit AND Status IN ('Open', 'InProgress') AND DueOn <= $until"),
                (nameof(AssessmentTodoSource), """
                    SELECT COUNT(*) FROM Elders WHERE UnitCode = $unit AND Status = 'Active' AND LastAssessedOn IS NOT NULL
                      AND (LastAssessedOn <= $dueBefore OR ConditionChangedOn > LastAssessedOn)
                    """),
                (nameof(AlarmTodoSource),
                    "SELECT COUNT(*) FROM Alarms WHERE Status <> 'Resolved' AND UnitCode = $unit AND EscalatedToTownAt IS NOT NULL"),
                (nameof(ComplaintTodoSource), """
                    SELECT COUNT(*) FROM Complaints c JOIN ServiceOrders o ON o.Id = c.OrderId
                    WHERE c.ResolvedAt IS NULL AND c.DueAt < $now AND o.UnitCode = $unit
                    """),
                (nameof(CertificateTodoSource), """
                    SELECT COUNT(*) FROM Workers w WHERE w.Active AND w.ProviderId IN (SELECT Id FROM ServiceProviders WHERE UnitCode = $unit)
                      AND EXISTS (SELECT 1 FROM json_each(w.Certificates) c
                        WHERE c.value ->> 'ExpiresOn' >= $today AND c.value ->> 'ExpiresOn' <= $cert)
                    """),
                (nameof(FoodSampleTodoSource), """
                    SELECT COUNT(*) FROM FoodBatches WHERE SampleTakenAt IS NULL AND CookedAt >= $since
                      AND KitchenId IN (SELECT Id FROM Kitchens WHERE UnitCode = $unit)
                    """),
            ];
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT " + string.Join(", ", sources.Select(s => $"({s.Sql})"));
        cmd.Parameters.AddWithValue("$unit", user.Scope.RegionCode ?? "");
        cmd.Parameters.AddWithValue("$role", user.Role.ToString());
        cmd.Parameters.AddWithValue("$now", Instant(now));
        cmd.Parameters.AddWithValue("$today", Day(today));
        cmd.Parameters.AddWithValue("$until", Day(today.AddDays(new TaskOptions().DueSoonDays)));
        cmd.Parameters.AddWithValue("$cert", Day(today.AddDays(CertificateTodoSource.Days)));
        cmd.Parameters.AddWithValue("$dueBefore", Day(today.AddMonths(-ElderCare.Web.Features.Assessments.Reassessment.CycleMonths)));
        cmd.Parameters.AddWithValue("$since", Instant(now.AddDays(-FoodSampleTodoSource.WindowDays)));
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return sources.Select((s, i) => (s.Name, r.GetInt64(i))).ToDictionary(x => x.Name, x => x.Item2);
    }

    /// <summary>The to-do centre's records on the copy of the services data (through the app's model, except the elders' dates).</summary>
    private static async Task GenerateAsync(string file)
    {
        var rng = new Random(Seed);
        var now = DateTime.UtcNow;
        var today = TaskTodoSource.Today(now);
        var cs = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        await using (var conn = new SqliteConnection(cs))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            // A third last assessed 13 months ago (overdue), the rest 4 months ago; one in 17 with a change of condition since.
            cmd.CommandText = $"""
                UPDATE Elders SET LastAssessedOn = CASE WHEN rowid % 3 = 0 THEN '{Day(today.AddMonths(-13))}' ELSE '{Day(today.AddMonths(-4))}' END,
                  ConditionChangedOn = CASE WHEN rowid % 17 = 0 THEN '{Day(today.AddMonths(-1))}' ELSE NULL END;
                UPDATE Workers SET Certificates = '[{"{"}"Qualification":"bathing","Number":"B-1","ExpiresOn":"{Day(today.AddDays(10))}"{"}"}]'
                WHERE rowid % 10 = 0;
                """;
            await cmd.ExecuteNonQueryAsync();
        }
        await using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(cs).Options);
        await Database.MigrateAsync(db);
        var units = await db.Regions.Where(r => r.Code.Length == 9).Select(r => r.Code).ToListAsync();
        var statuses = new[] { DutyTaskStatus.Open, DutyTaskStatus.InProgress, DutyTaskStatus.Done, DutyTaskStatus.Cancelled };
        foreach (var unit in units)
        {
            for (var i = 0; i < Results.Size(60, 10); i++)
            {
                var due = today.AddDays(rng.Next(-40, 60));
                db.DutyTasks.Add(new DutyTask
                {
                    UnitCode = unit, RegionCode = unit, Title = $"基准任务{i}", Kind = (DutyTaskKind)(i % 4), DueOn = due, Status = statuses[i % 4],
                    Source = DutyTaskSource.Manual, EscalationLevel = due < today.AddDays(-7) ? 2 : due < today ? 1 : 0, CreatedBy = "bench",
                    CreatedAt = now, UpdatedAt = now,
                });
            }
            var kitchen = new Kitchen { Name = $"基准厨房{unit}", RegionCode = unit, UnitCode = unit, CreatedAt = now };
            db.Kitchens.Add(kitchen);
            for (var d = 0; d < 14; d++)
                db.FoodBatches.Add(new FoodBatch
                {
                    KitchenId = kitchen.Id, Date = today.AddDays(-d), Meal = Meal.Lunch, CookedAt = now.AddDays(-d).AddHours(-2),
                    SampleTakenAt = d % 3 == 0 ? null : now.AddDays(-d).AddHours(-2), RecordedBy = "bench", CreatedAt = now,
                });
        }
        var orders = await db.ServiceOrders.OrderBy(o => o.Id).Select(o => o.Id).Take(Results.Size(4_000, 400)).ToListAsync();
        foreach (var (order, i) in orders.Select((o, i) => (o, i)))
            db.Complaints.Add(new Complaint
            {
                OrderId = order, Severity = ComplaintSeverity.General, Text = "基准投诉", ReceivedAt = now.AddDays(-10), ReceivedBy = "bench",
                DueAt = now.AddDays(i % 2 == 0 ? -3 : 4), ResolvedAt = i % 5 == 0 ? now.AddDays(-1) : null,
            });
        var someElders = await db.Elders.OrderBy(e => e.Id).Select(e => new { e.Id, e.UnitCode, e.RegionCode }).Take(Results.Size(600, 60))
            .ToListAsync();
        foreach (var (e, i) in someElders.Select((e, i) => (e, i)))
            db.Alarms.Add(new Alarm
            {
                Source = "bench", IdempotencyKey = $"todo-bench-{i}", RequestHash = "bench", ElderId = e.Id, Kind = AlarmKind.Sos,
                OccurredAt = now.AddMinutes(-30 - i), RaisedAt = now.AddMinutes(-30 - i), RegionCode = e.RegionCode, UnitCode = e.UnitCode,
                Status = i % 4 == 0 ? AlarmStatus.Resolved : AlarmStatus.Acknowledged,
                EscalatedToTownAt = i % 2 == 0 ? now.AddMinutes(-10) : null, EscalatedToDistrictAt = i % 3 == 0 ? now.AddMinutes(-25) : null,
            });
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }
}
