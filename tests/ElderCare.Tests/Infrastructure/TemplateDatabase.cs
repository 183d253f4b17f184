using ElderCare.Web.Data;
using ElderCare.Web.Data.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ElderCare.Tests.Infrastructure;

/// <summary>
/// One database per test run, migrated and seeded once by the app's own <see cref="Database.MigrateAsync"/> and
/// <see cref="RongchangSeed"/>, then copied for every fixture (ADR 24): a file copy on SQLite, CREATE DATABASE … TEMPLATE
/// on PostgreSQL. The template holds no identity row, so every copy gets an identity of its own when its app starts
/// (ADR 16: a database put in place of another is told by its identity). The app still runs its whole start on the
/// copy: migrate finds nothing to do, the seed adds nothing, the identity and the bootstrap administrator are written.
/// Fixtures waiting for the first build share it (one build per run, even with classes starting in parallel).
/// </summary>
public static class TemplateDatabase
{
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..12];

    private static readonly Lazy<Task<string>> SqliteTemplate = new(BuildSqliteAsync);
    private static readonly Lock PostgresLock = new();
    private static Task<string>? _postgresTemplate;

    /// <summary>Copies the template to a new SQLite file at <paramref name="path"/> (which must not exist yet).</summary>
    public static async Task CopySqliteAsync(string path)
    {
        var template = await SqliteTemplate.Value;
        File.Copy(template, path);
    }

    /// <summary>Creates the PostgreSQL database <paramref name="name"/> as a copy of the template.</summary>
    public static async Task CreatePostgresAsync(string server, string name)
    {
        Task<string> build;
        lock (PostgresLock) build = _postgresTemplate ??= BuildPostgresAsync(server);
        var template = await build;
        await using var conn = new NpgsqlConnection(server);
        await conn.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", conn);
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // "source database is being accessed by other users": another copy starting at the same moment.
                await Task.Delay(50 * attempt);
            }
        }
    }

    private static async Task<string> BuildSqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "eldercare-template-" + RunId);
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // the temp folder is cleaned anyway
            }
        };
        var path = Path.Combine(folder, "template.db");
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options;
        await using (var db = new SqliteAppDbContext(options))
        {
            await PrepareAsync(db);
            // Everything into the main file, so a plain copy of it is the whole database.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        foreach (var f in new[] { path + "-wal", path + "-shm" }) File.Delete(f);
        return path;
    }

    private static async Task<string> BuildPostgresAsync(string server)
    {
        var name = "eldercare_template_" + RunId;
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                using var conn = new NpgsqlConnection(server);
                conn.Open();
                using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // the server is gone; nothing to clean
            }
        };
        // Unpooled: CREATE DATABASE … TEMPLATE refuses while any connection to the template is open.
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection).Options;
        await using (var db = new PostgresAppDbContext(options)) await PrepareAsync(db);
        return name;
    }

    /// <summary>What the app's start does on an empty database, minus the identity (each copy writes its own).</summary>
    private static async Task PrepareAsync(AppDbContext db)
    {
        await Database.MigrateAsync(db);
        await RongchangSeed.RunAsync(db);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__DatabaseIdentity\"");
    }
}
