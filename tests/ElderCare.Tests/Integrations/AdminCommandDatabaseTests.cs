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

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
