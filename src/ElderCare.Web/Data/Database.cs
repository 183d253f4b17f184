using ElderCare.Web.Infrastructure.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ElderCare.Web.Data;

public static class Database
{
    public const string DefaultSqlite = "Data Source=App_Data/eldercare.db";

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        services.AddValidatedOptions<DatabaseOptions>(config, "Database");
        // The provider decides the registrations below; the values are checked with every other option at start.
        var options = config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton<DatabaseState>();
        services.AddSingleton<Infrastructure.Cluster.Leadership>(); // ADR 32: one node runs the background passes
        var connection = config.GetConnectionString("App");
        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider=Postgres 需要配置 ConnectionStrings:App。");
            services.AddSingleton(new DatabaseFile(null, connection));
            services.AddSingleton<DatabaseWatch>();
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(o =>
                o.UseNpgsql(connection, n => n.CommandTimeout(options.CommandTimeoutSeconds ?? 30)));
            ReadReplica.Add(services, config.GetConnectionString("Reports"), options.CommandTimeoutSeconds ?? 30);
        }
        else
        {
            var timeout = options.CommandTimeoutSeconds ?? 5;
            var sqlite = SqliteConnectionString(string.IsNullOrWhiteSpace(connection) ? DefaultSqlite : connection, contentRoot, timeout);
            services.AddSingleton(new DatabaseFile(DatabaseFile.PathOf(sqlite), sqlite));
            services.AddSingleton<DatabaseWatch>();
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(o =>
                o.UseSqlite(sqlite, x => x.CommandTimeout(timeout)).AddInterceptors(SqliteDurability.Instance));
            if (!string.IsNullOrWhiteSpace(config.GetConnectionString("Reports")))
                throw new InvalidOperationException("ConnectionStrings:Reports（只读副本）仅用于 PostgreSQL（Database:Provider=Postgres）。");
            ReadReplica.Add(services, null, timeout);
        }
        return services;
    }

    /// <summary>
    /// Resolves a relative SQLite file against the content root and makes sure its folder exists. The file is opened
    /// ReadWrite, never ReadWriteCreate (ADR 16): a file deleted under the app must not come back empty on the next
    /// connection; only <see cref="CreateSqliteFile"/> (migrate, seed, Database:CreateIfMissing) creates it. The busy
    /// wait is the command timeout, so a lock held elsewhere becomes a 503 within seconds, not after 30.
    /// </summary>
    internal static string SqliteConnectionString(string connection, string contentRoot, int timeoutSeconds = 5)
    {
        var builder = new SqliteConnectionStringBuilder(connection);
        builder.DefaultTimeout = timeoutSeconds;
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate) builder.Mode = SqliteOpenMode.ReadWrite;
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>Creates the SQLite file when missing (an empty database); true when it did.</summary>
    public static bool CreateSqliteFile(string connectionString)
    {
        if (DatabaseFile.PathOf(connectionString) is not { } path || File.Exists(path)) return false;
        var create = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        using (var c = new SqliteConnection(create.ToString())) c.Open();
        return true;
    }

    /// <summary>Applies migrations (creating a missing SQLite file: migrate is the first start) and gives the database its identity.</summary>
    public static async Task<string> MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite()) CreateSqliteFile(db.Database.GetConnectionString()!);
        // Migrate also rebuilds the last snapshot's model to look for model changes without a migration (a design-time
        // check the migration-drift test makes): skipped when no migration is pending, it saves every start a model build.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            // A migration that fills a column of a city-wide table runs longer than a request may (ADR 32: 7 M elders).
            var timeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            try { await db.Database.MigrateAsync(ct); }
            finally { db.Database.SetCommandTimeout(timeout); }
        }
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        return await DatabaseIdentity.EnsureAsync(db, ct);
    }
}

/// <summary>
/// QUALITY R1/R8: an acknowledged alarm must survive power loss, and in WAL mode synchronous=NORMAL may lose the last
/// commits. synchronous is a per-connection setting, so every connection opened by the app sets FULL (ADR 11 has the
/// cost measured; it applies to every table, which is simpler than a second connection kind for alarms).
/// </summary>
public sealed class SqliteDurability : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection,
        Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous=FULL;";
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection,
        Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous=FULL;";
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}

// Design-time factories for `dotnet ef migrations add` (see scripts/add-migration.sh); never used at run time.
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=eldercare_design").Options);
}
