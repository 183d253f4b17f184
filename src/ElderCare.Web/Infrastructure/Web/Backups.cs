using System.Diagnostics;
using ElderCare.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ElderCare.Web.Infrastructure.Web;

/// <summary>
/// The <c>backup</c> and <c>restore</c> commands (ADR 32). SQLite: SQLite's online backup, a consistent copy taken while the
/// app runs; restore writes the copy over the configured file with the app stopped. PostgreSQL: <c>pg_dump</c> in its custom
/// format and <c>pg_restore --clean</c> in one transaction, with the connection of <c>ConnectionStrings:App</c> (the tools
/// of the server's major version must be installed). Each returns null when done, else what went wrong in Chinese.
/// </summary>
public static class Backups
{
    public static async Task<string?> BackupAsync(DatabaseOptions options, DatabaseFile database, string path, CancellationToken ct)
    {
        if (File.Exists(path)) return $"备份文件已存在，未覆盖：{path}";
        if (options.Provider == DatabaseProvider.Postgres)
            return await RunToolAsync("pg_dump", database.ConnectionString, ["--format=custom", "--no-owner", $"--file={path}"], ct);
        if (database.Path is null || !File.Exists(database.Path)) return $"数据库文件不存在：{database.Path}";
        await using var source = new SqliteConnection(database.ConnectionString);
        await using var target = new SqliteConnection(Create(path));
        await source.OpenAsync(ct);
        await target.OpenAsync(ct);
        source.BackupDatabase(target);
        return null;
    }

    /// <summary>Restores the backup over the configured database; the app must be stopped (the operator says so with
    /// <c>--replace</c> when a database is there).</summary>
    public static async Task<string?> RestoreAsync(DatabaseOptions options, DatabaseFile database, string path, bool replace, CancellationToken ct)
    {
        if (!File.Exists(path)) return $"备份文件不存在：{path}";
        if (options.Provider == DatabaseProvider.Postgres)
            return replace
                ? await RunToolAsync("pg_restore", database.ConnectionString, ["--clean", "--if-exists", "--no-owner", "--single-transaction"], ct,
                    path)
                : "恢复会先删除数据库中的现有数据：请先停止应用，再加 --replace 确认。";
        if (database.Path is null) return "内存数据库无法恢复。";
        if (File.Exists(database.Path) && !replace)
            return $"数据库文件已存在（{database.Path}）：请先停止应用，再加 --replace 确认覆盖。";
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly,
            Pooling = false }.ToString());
        await source.OpenAsync(ct);
        if (!IsElderCareDatabase(source)) return $"不是本系统的备份文件：{path}";
        await using var target = new SqliteConnection(Create(database.Path));
        await target.OpenAsync(ct);
        source.BackupDatabase(target);
        return null;
    }

    private static string Create(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();

    private static bool IsElderCareDatabase(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'Elders')";
        try
        {
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 2;
        }
        catch (SqliteException)
        {
            return false; // not a database file at all
        }
    }

    /// <summary>Runs pg_dump or pg_restore with the connection's server, user, password and database in the environment
    /// (never on the command line, where other users of the machine would see the password).</summary>
    private static async Task<string?> RunToolAsync(string tool, string connectionString, string[] arguments, CancellationToken ct,
        string? input = null)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.ArgumentList.Add($"--dbname={c.Database}");
        if (input is not null) start.ArgumentList.Add(input);
        start.Environment["PGHOST"] = c.Host;
        start.Environment["PGPORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = c.Username;
        start.Environment["PGPASSWORD"] = c.Password;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"找不到 {tool}：请安装与数据库服务器同一大版本的 PostgreSQL 客户端（apt install postgresql-client）。";
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(ct);
            await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return process.ExitCode == 0 ? null : $"{tool} 失败（退出码 {process.ExitCode}）：{(await errors).Trim()}";
        }
    }
}
