using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Integrations;

/// <summary>
/// The admin commands in process against a database of their own that was never migrated: a command migrates it first
/// (as the start does) or refuses with a message in Chinese and English; bad arguments print the usage and exit 2.
/// </summary>
public sealed class AdminCommandDatabaseTests : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "eldercare_cmd_" + Guid.NewGuid().ToString("N")[..12]);
    private readonly List<WebApplication> _hosts = [];

    private string DatabasePath => Path.Combine(_folder, "never-migrated.db");

    /// <summary>A host of the app's services on the given database, as `dotnet run -- command` builds it.</summary>
    private WebApplication Host(Dictionary<string, string?> database)
    {
        Directory.CreateDirectory(_folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = _folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FieldEncryption:KeyFile"] = Path.Combine(_folder, "keys.json"),
            ["DataProtection:KeysFolder"] = Path.Combine(_folder, "dataprotection"),
            ["Evidence:LocalFolder"] = Path.Combine(_folder, "evidence"),
            ["Logging:LogLevel:Default"] = "Warning",
        }.Concat(database));
        builder.AddElderCare();
        TestHosts.UseFastPasswordHashing(builder.Services);
        var host = builder.Build();
        _hosts.Add(host);
        return host;
    }

    /// <summary>An empty SQLite file: there, but never migrated (what `users add` used to die on with "no such table").</summary>
    private WebApplication EmptySqlite()
    {
        Directory.CreateDirectory(_folder);
        using (var c = new SqliteConnection($"Data Source={DatabasePath};Pooling=False")) c.Open();
        return Host(new() { ["Database:Provider"] = "Sqlite", ["ConnectionStrings:App"] = $"Data Source={DatabasePath}" });
    }

    private static async Task<(int Code, string Out, string Err)> Run(WebApplication host, string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AdminCommands.RunAsync(host.Services, args, new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Users_add_on_a_never_migrated_database_migrates_it_first()
    {
        var host = EmptySqlite();
        var (code, output, error) = await Run(host, "Officer#Pass2026\n", "users", "add", "first.officer", "--role", "town-officer",
            "--region", Make.Fenggao);
        Assert.True(code == 0, error);
        Assert.Contains("first.officer", output, StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(await db.Users.AnyAsync(u => u.UserName == "first.officer"));
    }

    [Fact]
    public async Task Clients_add_prints_the_client_id_and_the_secret_once()
    {
        var host = EmptySqlite();
        var (code, output, error) = await Run(host, "", "clients", "add", "市平台", "--role", "district-staff", "--expires", "2027-12-31");
        Assert.True(code == 0, error);
        Assert.Contains("ecs_", output, StringComparison.Ordinal);
        Assert.Contains("只显示这一次", output, StringComparison.Ordinal);
        var (again, _, conflict) = await Run(host, "", "clients", "add", "市平台", "--role", "district-staff", "--expires", "2027-12-31");
        Assert.Equal(2, again);
        Assert.Contains("已被使用", conflict, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("users", "add")]
    [InlineData("users", "add", "no.role")]
    [InlineData("users", "add", "x", "--role")]
    [InlineData("users", "add", "x", "--role", "evaluator", "--colour", "blue")]
    [InlineData("users", "disable")]
    [InlineData("users", "disable", "a", "b")]
    [InlineData("users", "reset-password")]
    [InlineData("audit")]
    [InlineData("audit", "verify", "now")]
    [InlineData("clients", "add", "市平台", "--role", "evaluator")]
    [InlineData("clients")]
    [InlineData("migrate", "now")]
    [InlineData("backup")]
    [InlineData("restore", "a.db", "--force")]
    public async Task Bad_arguments_print_the_usage_and_exit_2_before_the_database_is_touched(params string[] args)
    {
        var host = EmptySqlite();
        var (code, _, error) = await Run(host, "", args);
        Assert.Equal(2, code);
        Assert.Contains("Invalid arguments", error, StringComparison.Ordinal);
        Assert.Contains(args[0] + " ", error, StringComparison.Ordinal); // the command's own usage line
        await using var scope = host.Services.CreateAsyncScope();
        Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task An_unknown_command_prints_the_whole_usage_and_exits_2()
    {
        var (code, _, error) = await Run(EmptySqlite(), "", "frobnicate");
        Assert.Equal(2, code);
        Assert.Contains("Unknown command", error, StringComparison.Ordinal);
        Assert.Contains("clients add", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_refused_with_a_clear_message_in_chinese_and_english()
    {
        var host = Host(new()
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:App"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Timeout=2",
        });
        var (code, _, error) = await Run(host, "", "audit", "verify");
        Assert.Equal(StartChecks.RefusedExitCode, code);
        Assert.Contains("无法连接数据库", error, StringComparison.Ordinal);
        Assert.Contains("cannot be reached", error, StringComparison.Ordinal);
    }

    /// <summary>ADR 32: a backup taken while the app runs restores where the database file was lost, data and audit chain
    /// intact; a restore over a database there needs --replace; a file that is not a backup of this system is refused.</summary>
    [Fact]
    public async Task A_sqlite_backup_restores_where_the_file_was_lost_and_a_restore_over_data_needs_replace()
    {
        var live = EmptySqlite();
        Assert.Equal(0, (await Run(live, "Officer#Pass2026\n", "users", "add", "backed.up", "--role", "town-officer",
            "--region", Make.Fenggao)).Code);
        var backup = Path.Combine(_folder, "backup-1.db");
        var (code, output, error) = await Run(live, "", "backup", backup);
        Assert.True(code == 0, error);
        Assert.Contains("已备份", output, StringComparison.Ordinal);
        Assert.Equal(2, (await Run(live, "", "backup", backup)).Code); // never over an earlier backup

        var lost = Path.Combine(_folder, "restored", "eldercare.db");
        var restored = Host(new() { ["Database:Provider"] = "Sqlite", ["ConnectionStrings:App"] = $"Data Source={lost}" });
        (code, _, error) = await Run(restored, "", "restore", backup);
        Assert.True(code == 0, error);
        Assert.Equal(0, (await Run(restored, "", "audit", "verify")).Code);
        await using (var scope = restored.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.UserName == "backed.up"));

        (code, _, error) = await Run(restored, "", "restore", backup);
        Assert.Equal(2, code);
        Assert.Contains("--replace", error, StringComparison.Ordinal);
        var notABackup = Path.Combine(_folder, "notes.db");
        await File.WriteAllTextAsync(notABackup, "不是数据库", TestContext.Current.CancellationToken);
        (code, _, error) = await Run(restored, "", "restore", notABackup, "--replace");
        Assert.Equal(2, code);
        Assert.Contains("不是本系统的备份文件", error, StringComparison.Ordinal);
    }

    /// <summary>ADR 32: pg_dump and pg_restore with the app's connection (the password in the environment, not the arguments).</summary>
    [Fact]
    public async Task A_postgres_backup_restores_into_another_database()
    {
        Assert.SkipUnless(AppFactory.OnPostgres, "PostgreSQL");
        var server = Environment.GetEnvironmentVariable("ELDERCARE_TEST_PG") ?? "Host=127.0.0.1;Username=postgres;Password=postgres";
        var names = new[] { "eldercare_bk_" + Guid.NewGuid().ToString("N")[..10], "eldercare_rs_" + Guid.NewGuid().ToString("N")[..10] };
        await Admin(server, names.Select(n => $"CREATE DATABASE \"{n}\"").ToArray());
        try
        {
            WebApplication On(string name) => Host(new()
            {
                ["Database:Provider"] = "Postgres", ["Database:MigrateOnStart"] = "true",
                ["ConnectionStrings:App"] = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ToString(),
            });
            var live = On(names[0]);
            Assert.Equal(0, (await Run(live, "Officer#Pass2026\n", "users", "add", "pg.backed.up", "--role", "town-officer",
                "--region", Make.Fenggao)).Code);
            var backup = Path.Combine(_folder, "pg.dump");
            var (code, _, error) = await Run(live, "", "audit", "verify");
            Assert.True(code == 0, "live: " + error);
            (code, _, error) = await Run(live, "", "backup", backup);
            Assert.True(code == 0, error);

            var restored = On(names[1]);
            Assert.Equal(2, (await Run(restored, "", "restore", backup)).Code); // over a database: only with --replace
            (code, _, error) = await Run(restored, "", "restore", backup, "--replace");
            Assert.True(code == 0, error);
            (code, _, error) = await Run(restored, "", "audit", "verify");
            Assert.True(code == 0, error);
            await using var scope = restored.Services.CreateAsyncScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.UserName == "pg.backed.up"));
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await Admin(server, names.Select(n => $"DROP DATABASE IF EXISTS \"{n}\" WITH (FORCE)").ToArray());
        }
    }

    private static async Task Admin(string server, string[] statements)
    {
        await using var connection = new Npgsql.NpgsqlConnection(server);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
