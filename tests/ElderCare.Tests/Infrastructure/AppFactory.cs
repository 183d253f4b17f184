using System.Collections.Concurrent;
using System.Net.Http.Headers;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ElderCare.Tests.Infrastructure;

/// <summary>
/// The real app on a database of its own, a copy of the run's migrated and seeded <see cref="TemplateDatabase"/>: a temp
/// SQLite file, or a new PostgreSQL database when ELDERCARE_TEST_DB=postgres (connection from ELDERCARE_TEST_PG). The app
/// still runs its own start on it (migrate, seed, identity). The clock is fake and starts on 2026-11-29.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    public static bool OnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("ELDERCARE_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    private static string PostgresServer =>
        Environment.GetEnvironmentVariable("ELDERCARE_TEST_PG") ?? "Host=127.0.0.1;Username=postgres;Password=postgres";

    private readonly string _name = "eldercare_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _sqliteFile;
    private Task? _database;

    /// <summary>This factory's database, copied from the template once (before the host starts).</summary>
    private Task EnsureDatabase() => _database ??= _sqliteFile is not null
        ? TemplateDatabase.CopySqliteAsync(_sqliteFile)
        : TemplateDatabase.CreatePostgresAsync(PostgresServer, _name);

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Hash passwords as production does (Identity's default iterations), not <see cref="TestHosts"/>' fast way.</summary>
    public bool ProductionPasswordHashing { get; init; }

    /// <summary>Extra configuration for a test class that needs it (set before the first request).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public const string Password = "Rongchang#Test2026";

    private readonly ConcurrentDictionary<string, Task<AppUser>> _users = new();

    /// <summary>A user of the role and scope (created once per factory), ready to sign in with <see cref="Password"/>.</summary>
    public Task<AppUser> User(Role role, string? region = null, IReadOnlyList<Guid>? facilities = null, bool canUnmask = false,
        string? name = null) =>
        _users.GetOrAdd(name ?? $"{role}-{region}-{string.Join(",", facilities ?? [])}-{canUnmask}".ToLowerInvariant(), async key =>
        {
            await using var scope = Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser
            {
                UserName = name ?? "u" + Guid.NewGuid().ToString("N")[..10], DisplayName = key, Role = role, RegionCode = region,
                FacilityIds = [.. facilities ?? []], CanUnmask = canUnmask, PasswordChangedAt = Clock.GetUtcNow().UtcDateTime,
                CreatedAt = Clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            return user;
        });

    /// <summary>An API client signed in (bearer token) as a user of the role and scope; the session starts now.</summary>
    public async Task<HttpClient> ClientAs(Role role, string? region = null, IReadOnlyList<Guid>? facilities = null, bool canUnmask = false)
    {
        var user = await User(role, region, facilities, canUnmask);
        await using var scope = Services.CreateAsyncScope();
        var (_, token) = await scope.ServiceProvider.GetRequiredService<Sessions>().StartAsync(user, SessionKind.Token, "127.0.0.1", false, default);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Stores a two-factor key for the user, as enrolment does (the unmask permission counts only with two-factor
    /// enrolled, ADR 6); returns the key, for a test that signs in on the pages with its codes.</summary>
    public async Task<byte[]> EnrolTwoFactor(AppUser user)
    {
        var key = ElderCare.Web.Infrastructure.Auth.Totp.NewKey();
        await using var scope = Scope(out var db);
        var protector = scope.ServiceProvider.GetRequiredService<ElderCare.Web.Infrastructure.Privacy.FieldProtector>();
        (await db.Users.FindAsync(user.Id))!.TotpKeyProtected = protector.Protect(Convert.ToBase64String(key));
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>An API client of a user of the role who may unmask: the permission, and two-factor enrolled.</summary>
    public async Task<HttpClient> UnmaskingClient(Role role)
    {
        await EnrolTwoFactor(await User(role, canUnmask: true));
        return await ClientAs(role, canUnmask: true);
    }

    public string ConnectionString { get; }

    /// <summary>This host's own Data Protection keys (never the user profile's).</summary>
    public string DataProtectionFolder => Path.Combine(Path.GetTempPath(), _name + "-dataprotection");

    /// <summary>This host's own evidence files (never the app folder's App_Data).</summary>
    public string EvidenceFolder => Path.Combine(Path.GetTempPath(), _name + "-evidence");

    /// <summary>Set on a second node: the factory whose database and field keys it shares (and leaves to it to delete).</summary>
    private readonly AppFactory? _firstNode;

    /// <summary>Another app node on this factory's database, with the same field-encryption keys but its own process state
    /// (Data Protection folder, memory, background passes) — two nodes of one deployment (ADR 32).</summary>
    public AppFactory SecondNode() => new(this);

    private AppFactory(AppFactory first)
    {
        _firstNode = first;
        _database = Task.CompletedTask;
        ConnectionString = first.ConnectionString;
    }

    private string FieldKeyFile => _firstNode?.FieldKeyFile ?? Path.Combine(Path.GetTempPath(), _name + "-keys.json");

    public AppFactory()
    {
        if (OnPostgres)
        {
            // A test database need not wait for its commits to reach the disk (ADR 26): a client setting of the tests'
            // connections only; the server and the app's own settings are untouched.
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _name, Options = "-c synchronous_commit=off" }
                .ToString();
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), _name + ".db");
            ConnectionString = $"Data Source={_sqliteFile}";
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        EnsureDatabase().GetAwaiter().GetResult(); // already done when InitializeAsync started the host
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", OnPostgres ? "Postgres" : "Sqlite");
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("FieldEncryption:KeyFile", FieldKeyFile);
        builder.UseSetting("Security:SignInAttemptsPerMinute", "1000");
        builder.UseSetting("RateLimits:ApiRequestsPerMinute", "1000000"); // API limits: a test class shares one fake-clock minute
        builder.UseSetting("DataProtection:KeysFolder", DataProtectionFolder);
        builder.UseSetting("Evidence:LocalFolder", EvidenceFolder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.UseSetting("ConnectionStrings:App", ConnectionString);
        builder.ConfigureServices(s =>
        {
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            if (!ProductionPasswordHashing) TestHosts.UseFastPasswordHashing(s);
        });
    }

    /// <summary>A client signed in as district staff (区民政局), the role most tests act as.</summary>
    public HttpClient Staff { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await EnsureDatabase();
        _ = Server; // start the host: migrate and seed find the copy done, the identity is its own
        Staff = await ClientAs(Role.DistrictStaff);
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
        GC.SuppressFinalize(this);
        foreach (var folder in new[] { DataProtectionFolder, EvidenceFolder })
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        if (_firstNode is not null) return; // the first node deletes the database they share
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm", _sqliteFile + ".identity" }) File.Delete(f);
        }
        else
        {
            // This app's pools only: another class's idle connections stay open (ReadReplicaTests counts its own).
            foreach (var pooled in new[] { ConnectionString, Settings.GetValueOrDefault("ConnectionStrings:Reports") }.OfType<string>())
                NpgsqlConnection.ClearPool(new NpgsqlConnection(pooled));
            await using var conn = new NpgsqlConnection(PostgresServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
