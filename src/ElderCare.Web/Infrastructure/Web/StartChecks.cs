using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Auth;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Infrastructure.Web;

/// <summary>
/// What the app refuses to start without (ADR 16), exit code 3 with a Chinese message: its web files, and an existing
/// database — a server whose database file vanished must not come up on a fresh empty one and bootstrap a new admin.
/// </summary>
public static class StartChecks
{
    public const int RefusedExitCode = 3;

    /// <summary>
    /// The content root is the app's own folder (where appsettings.json and wwwroot are deployed), not the working
    /// directory — systemd and scripts start it from anywhere. A content root given by --contentRoot,
    /// ASPNETCORE_CONTENTROOT or DOTNET_CONTENTROOT still wins; a relative one is taken from the app's folder, as the
    /// host does (the `dotnet run` profile's "../../.." is the project folder, so App_Data stays beside the code).
    /// </summary>
    public static string? ContentRoot(string[] args)
    {
        var config = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_").AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args).Build();
        var given = config[HostDefaults.ContentRootKey];
        return Path.GetFullPath(string.IsNullOrEmpty(given) ? AppContext.BaseDirectory : Path.Combine(AppContext.BaseDirectory, given));
    }

    public static string? MissingWebRoot(IWebHostEnvironment env) =>
        env.WebRootFileProvider.GetFileInfo("css/site.css").Exists
            ? null
            : $"找不到网页静态文件（wwwroot/css/site.css），内容根目录为 {env.ContentRootPath}。请从发布目录启动，或用 --contentRoot 指定应用目录。";

    /// <summary>Why the configured SQLite file may not be used or created, or null.</summary>
    public static string? MissingDatabase(DatabaseFile file, bool createIfMissing)
    {
        if (file.Path is not { } path) return null;
        if (File.Exists(path)) return Unwritable(path);
        if (file.MarkerPath is { } marker && File.Exists(marker))
            return $"数据库文件 {path} 不存在，但此处曾有数据库（标识 {File.ReadAllText(marker).Trim()}，见 {marker}）。" +
                   "请从备份恢复该文件后再启动；确需从空库重新开始，请先删除该标识文件再运行 migrate 命令。";
        return createIfMissing
            ? null
            : $"数据库文件 {path} 不存在。首次启动请先运行 migrate 命令（或设置 Database:CreateIfMissing=true）；" +
              "如果数据库本应存在，请从备份恢复，不要让系统新建空库。";
    }

    private static string? Unwritable(string path)
    {
        try
        {
            // Before any SQLite connection of this process opens the file, so closing this handle releases no lock of theirs.
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"数据库文件 {path} 不可写（只读或权限不足）：请让运行本应用的用户对该文件及其所在目录有读写权限。";
        }
    }

    public static int Refuse(string message)
    {
        Console.Error.WriteLine("启动被拒绝：" + message);
        return RefusedExitCode;
    }
}

/// <summary>503 for every write while the database is not the one the app started with (ADR 16).</summary>
public static class DatabaseGuard
{
    public static async Task RefuseWritesToLostDatabase(HttpContext http, Func<Task> next)
    {
        var method = http.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method)
            && await http.RequestServices.GetRequiredService<DatabaseWatch>().ProblemAsync() is { } problem)
        {
            DatabaseUnavailable.SetHeaders(http);
            if (HostSetup.IsApi(http.Request))
                await AuthSetup.WriteProblem(http, StatusCodes.Status503ServiceUnavailable, problem);
            else
                await ErrorPage.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, problem);
            return;
        }
        await next();
    }
}
