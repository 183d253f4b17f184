using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Data;

/// <summary>
/// ADR 32: reports, dashboards and exports may read from a PostgreSQL streaming replica (<c>ConnectionStrings:Reports</c>),
/// so a city's heavy reads leave the primary to the writes. They take <c>[FromKeyedServices(ReadReplica.Key)] AppDbContext</c>;
/// without a replica that is the request's own context, so a single machine reads and writes one database as before.
/// Lists and every page that shows what was just saved keep reading the primary: a replica is seconds behind.
/// </summary>
public static class ReadReplica
{
    public const string Key = "reports";

    internal static void Add(IServiceCollection services, string? replica, int timeoutSeconds)
    {
        if (string.IsNullOrWhiteSpace(replica))
        {
            services.AddKeyedScoped<AppDbContext>(Key, (sp, _) => sp.GetRequiredService<AppDbContext>());
            return;
        }
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(replica, n => n.CommandTimeout(timeoutSeconds))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
        services.AddKeyedScoped<AppDbContext>(Key, (_, _) => new PostgresAppDbContext(options));
    }

    /// <summary>
    /// How far <paramref name="reports"/> is behind the primary, in seconds: 0 when it has replayed all it received,
    /// null when it is the primary itself (no replica, or SQLite).
    /// </summary>
    public static async Task<double?> LagSecondsAsync(AppDbContext reports, CancellationToken ct)
    {
        if (!reports.Database.IsNpgsql()) return null;
        return await reports.Database.SqlQueryRaw<double?>("""
            SELECT CASE WHEN NOT pg_is_in_recovery() THEN NULL
                        WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                        ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS "Value"
            """).SingleAsync(ct);
    }
}
