using ElderCare.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ElderCare.Tests.Infrastructure;

/// <summary>
/// The real app on a real, freshly migrated and seeded database: a temp SQLite file, or a new PostgreSQL database
/// when ELDERCARE_TEST_DB=postgres (connection from ELDERCARE_TEST_PG). The clock is fake and starts on 2026-11-29.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    public static bool OnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("ELDERCARE_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    private static string PostgresServer =>
        Environment.GetEnvironmentVariable("ELDERCARE_TEST_PG") ?? "Host=127.0.0.1;Username=postgres;Password=postgres";

    private readonly string _name = "eldercare_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _sqliteFile;

    public FakeTimeProvider Clock { get; } = new(Start);

    public string ConnectionString { get; }

    public AppFactory()
    {
        if (OnPostgres)
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _name }.ToString();
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), _name + ".db");
            ConnectionString = $"Data Source={_sqliteFile}";
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", OnPostgres ? "Postgres" : "Sqlite");
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("ConnectionStrings:App", ConnectionString);
        builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public ValueTask InitializeAsync()
    {
        _ = Server; // start the host: migrates and seeds
        return ValueTask.CompletedTask;
    }

    /// <summary>A scope with the app's DbContext, for arranging data and checking what was stored.</summary>
    public AsyncServiceScope Scope(out AppDbContext db)
    {
        var scope = Services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return scope;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" }) File.Delete(f);
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(PostgresServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        GC.SuppressFinalize(this);
    }
}
