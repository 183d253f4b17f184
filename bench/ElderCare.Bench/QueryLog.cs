using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using ElderCare.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Bench;

/// <summary>A command the app ran: its SQL, parameters, and the time from execution to the reader being disposed.</summary>
public sealed record LoggedQuery(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters, TimeSpan Duration);

/// <summary>Captures the app's SQL as EF sends it, for <c>explain</c>: the real queries, not a copy of the LINQ.</summary>
public sealed class QueryLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<LoggedQuery> _queries = new();
    private readonly ConcurrentDictionary<DbCommand, long> _started = new();

    public bool Enabled { get; set; }

    public void AddTo(IServiceCollection services) =>
        services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(this));

    public IReadOnlyList<LoggedQuery> Take()
    {
        var all = new List<LoggedQuery>();
        while (_queries.TryDequeue(out var q)) all.Add(q);
        return all;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Enabled) _started[command] = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    // Timed from execution to the reader's disposal (all rows read and materialised), measured here rather than
    // taken from the event data.
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (Enabled && _started.TryRemove(command, out var started))
            _queries.Enqueue(new LoggedQuery(command.CommandText,
                command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList(), Stopwatch.GetElapsedTime(started)));
        return result;
    }

    /// <summary>
    /// For each query an endpoint runs: EF's duration, the same SQL run bare through Microsoft.Data.Sqlite (reading
    /// every row), and SQLite's plan.
    /// </summary>
    public static async Task<string> ExplainAsync(CityApp app, QueryLog log, string url, int runs = 15)
    {
        var text = new StringBuilder();
        log.Enabled = true;
        var perRun = new List<IReadOnlyList<LoggedQuery>>();
        var endpoint = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            log.Take();
            var sw = Stopwatch.StartNew();
            await app.GetAsync(url);
            endpoint.Add(sw.Elapsed.TotalMilliseconds);
            perRun.Add(log.Take());
        }
        log.Enabled = false;
        text.AppendLine($"### GET {url}: median {Median(endpoint):F1} ms over {runs} runs, {perRun[^1].Count} queries");
        var last = perRun[^1];
        for (var q = 0; q < last.Count; q++)
        {
            var query = last[q];
            var ef = Median(perRun.Where(r => r.Count > q).Select(r => r[q].Duration.TotalMilliseconds));
            var bare = new List<double>();
            var rows = 0;
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                rows = await RunBareAsync(app.BaselineConnection, query);
                bare.Add(sw.Elapsed.TotalMilliseconds);
            }
            text.AppendLine();
            text.AppendLine($"Query {q + 1}: EF {ef:F1} ms (execute to reader disposed), " +
                $"bare Microsoft.Data.Sqlite {Median(bare):F1} ms, {rows} rows");
            text.AppendLine("```sql");
            foreach (var (name, value) in query.Parameters) text.AppendLine($"-- {name} = {value}");
            text.AppendLine(query.Sql.Trim());
            text.AppendLine("```");
            text.AppendLine("```");
            text.Append(await PlanAsync(app.BaselineConnection, query.Sql, query.Parameters));
            text.AppendLine("```");
        }
        return text.ToString();
    }

    public static async Task<string> PlanAsync(string connection, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await using var r = await cmd.ExecuteReaderAsync();
        var nodes = new List<(long Id, long Parent, string Detail)>();
        while (await r.ReadAsync()) nodes.Add((r.GetInt64(0), r.GetInt64(1), r.GetString(3)));
        var text = new StringBuilder();
        void Print(long parent, int depth)
        {
            foreach (var n in nodes.Where(n => n.Parent == parent))
            {
                text.Append(' ', depth * 2).AppendLine(n.Detail);
                Print(n.Id, depth + 1);
            }
        }
        Print(0, 0);
        return text.ToString();
    }

    private static async Task<int> RunBareAsync(string connection, LoggedQuery query)
    {
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = query.Sql;
        foreach (var (name, value) in query.Parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = 0;
        var values = new object[r.FieldCount];
        while (await r.ReadAsync())
        {
            r.GetValues(values);
            rows++;
        }
        return rows;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
