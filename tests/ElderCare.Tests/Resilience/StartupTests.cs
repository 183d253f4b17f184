using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ElderCare.Tests.Infrastructure;

namespace ElderCare.Tests.Resilience;

/// <summary>
/// A copy of the app's build output in a temp folder, with an appsettings.json of its own that puts the database in a
/// folder only that file names. The app runs as its own process (`dotnet ElderCare.Web.dll`), started from another
/// working directory, as systemd does.
/// </summary>
public sealed class CopiedApp : IDisposable
{
    public const string DataFolder = "data-from-appsettings";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "eldercare-start-" + Guid.NewGuid().ToString("N")[..8]);
    public string Elsewhere { get; } = Path.Combine(Path.GetTempPath(), "eldercare-cwd-" + Guid.NewGuid().ToString("N")[..8]);
    public string Dll => Path.Combine(Folder, "app", "ElderCare.Web.dll");
    public string AppFolder => Path.Combine(Folder, "app");
    public string DatabaseFile => Path.Combine(AppFolder, DataFolder, "eldercare.db");

    public CopiedApp()
    {
        var repo = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repo, "ElderCare.slnx"))) repo = Path.GetDirectoryName(repo.TrimEnd('/'))!;
        var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        Copy(Path.Combine(repo, "src", "ElderCare.Web", "bin", configuration, "net10.0"), AppFolder);
        File.WriteAllText(Path.Combine(AppFolder, "appsettings.json"), JsonSerializer.Serialize(new
        {
            Logging = new { LogLevel = new Dictionary<string, string> { ["Default"] = "Information", ["Microsoft.AspNetCore"] = "Warning" } },
            Database = new { Provider = "Sqlite" },
            ConnectionStrings = new { App = $"Data Source={DataFolder}/eldercare.db" },
        }));
        Directory.CreateDirectory(Elsewhere);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.EnumerateDirectories(from)) Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }

    public ProcessStartInfo Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Elsewhere, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
            || k.StartsWith("DOTNET_CONTENTROOT", StringComparison.Ordinal)
                     || k.StartsWith("ConnectionStrings", StringComparison.Ordinal) || k.StartsWith("Database", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);
        info.Environment["ELDERCARE_ADMIN_PASSWORD"] = "Haitang!Elder2026";
        return info;
    }

    /// <summary>Runs a command to its end: exit code, standard output and error.</summary>
    public async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var p = Process.Start(Start(args))!;
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var d in new[] { Folder, Elsewhere })
        {
            try { Directory.Delete(d, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>ADR 16: the start refuses a missing database and missing web files (exit 3) and does not depend on the working directory.</summary>
public partial class StartupTests(CopiedApp app) : IClassFixture<CopiedApp>
{
    [Fact]
    public async Task A_start_on_a_missing_database_is_refused_migrate_creates_it_and_the_app_then_serves_from_another_directory()
    {
        Assert.SkipWhen(AppFactory.OnPostgres, "a SQLite file");
        var refused = await app.RunAsync("--urls", "http://127.0.0.1:0");
        Assert.True(refused.Code == 3, $"exit {refused.Code}: {refused.Error}\n{refused.Out}");
        Assert.Contains("数据库文件", refused.Error);
        Assert.Contains("不存在", refused.Error);
        Assert.Contains("migrate", refused.Error);
        Assert.Contains(CopiedApp.DataFolder, refused.Error); // the path came from the app's own appsettings.json
        Assert.False(File.Exists(app.DatabaseFile), "a refused start creates nothing");

        var users = await app.RunAsync("users", "disable", "admin");
        Assert.Equal(3, users.Code);

        var migrate = await app.RunAsync("migrate");
        Assert.True(migrate.Code == 0, $"exit {migrate.Code}: {migrate.Error}\n{migrate.Out}");
        Assert.True(File.Exists(app.DatabaseFile), "migrate creates the database named by the app's appsettings.json");

        using var web = Process.Start(app.Start("--urls", "http://127.0.0.1:0"))!;
        try
        {
            var error = web.StandardError.ReadToEndAsync();
            string? url = null;
            using var until = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            while (url is null && await web.StandardOutput.ReadLineAsync(until.Token) is { } line)
                url = Url().Match(line) is { Success: true } m ? m.Value : null;
            Assert.True(url is not null, "no address printed: " + (web.HasExited ? await error : ""));
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
            var css = await http.GetAsync("/css/site.css");
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            web.Kill();
            await web.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Without_its_web_files_the_app_refuses_to_start_with_exit_3()
    {
        Assert.SkipWhen(AppFactory.OnPostgres, "a SQLite file");
        var webRoot = Path.Combine(app.AppFolder, "wwwroot");
        Directory.Move(webRoot, webRoot + ".away");
        try
        {
            var r = await app.RunAsync("--urls", "http://127.0.0.1:0");
            Assert.True(r.Code == 3, $"exit {r.Code}: {r.Error}\n{r.Out}");
            Assert.Contains("wwwroot", r.Error);
            Assert.Contains("找不到网页静态文件", r.Error);
        }
        finally
        {
            Directory.Move(webRoot + ".away", webRoot);
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Url();
}
