using System.Diagnostics;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Data;

/// <summary>The database the app was configured with: the SQLite file (null on PostgreSQL or in memory) and its connection string.</summary>
public sealed record DatabaseFile(string? Path, string ConnectionString)
{
    public static string? PathOf(string sqliteConnectionString)
    {
        var source = new SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;
        return source.Length == 0 || source == ":memory:" || source.StartsWith("file:", StringComparison.Ordinal) ? null : source;
    }

    /// <summary>Next to the SQLite file: the identity of the database that lived there, so a lost file is never silently replaced.</summary>
    public string? MarkerPath => Path is null ? null : Path + ".identity";
}

/// <summary>
/// The identity of one database (ADR 16): a row in <c>__DatabaseIdentity</c> written by migrate. An app that remembers
/// it at start can tell its database from an empty or restored one put in the same place.
/// </summary>
public static class DatabaseIdentity
{
    private const string Table = "__DatabaseIdentity";

    public static async Task<string> EnsureAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(
            $"CREATE TABLE IF NOT EXISTS \"{Table}\" (\"Id\" integer NOT NULL PRIMARY KEY, \"InstanceId\" varchar(36) NOT NULL)", ct);
        var id = Guid.CreateVersion7().ToString();
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"__DatabaseIdentity\" (\"Id\", \"InstanceId\") VALUES (1, {id}) ON CONFLICT (\"Id\") DO NOTHING", ct);
        return (await ReadAsync(db, ct))!;
    }

    public static async Task<string?> ReadAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            return await db.Database.SqlQueryRaw<string>($"SELECT \"InstanceId\" AS \"Value\" FROM \"{Table}\" WHERE \"Id\" = 1")
                .SingleOrDefaultAsync(ct); // one row by its key (First without an order is a warning at every start)
        }
        catch (Exception e) when (e is SqliteException { SqliteErrorCode: 1 } or Npgsql.PostgresException { SqlState: "42P01" })
        {
            return null; // no such table: a database from before identities (migrate adds it)
        }
    }

    /// <summary>The identity read through a fresh, unpooled connection to the path (pooled ones may still hold a deleted file).</summary>
    public static string? ReadSqliteFile(string connectionString)
    {
        var fresh = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        using var connection = new SqliteConnection(fresh.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT \"InstanceId\" FROM \"{Table}\" WHERE \"Id\" = 1";
        try
        {
            return cmd.ExecuteScalar() as string;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            return null;
        }
    }
}

/// <summary>
/// Is the database still the one the app started with (ADR 16)? A SQLite file deleted or replaced under a running app
/// keeps answering through pooled connections that hold the old file, so every acknowledged write would be lost. The
/// full check (<see cref="ProblemAsync"/>: the path still names the file the app started with, and its identity row is
/// the one remembered at start; on PostgreSQL the identity row) is cached about a second and shared by concurrent
/// callers. The alarm intake also asks, after each commit, the cheap part (<see cref="EnsureFileAsync"/>): one
/// <c>stat</c> of the path, so a deleted or renamed-over file fails the very next alarm.
/// </summary>
public sealed class DatabaseWatch(DatabaseFile file, IServiceScopeFactory scopes, ILogger<DatabaseWatch> log)
{
    private static readonly long CacheTicks = Stopwatch.Frequency; // one second, on the monotonic clock

    private readonly Lock _lock = new();
    private string? _identity;
    private Task<string?>? _running;
    private long _lastStart = long.MinValue;
    private string? _lastProblem;
    private FileNode? _node; // the SQLite file the app started with

    /// <summary>The identity the app started with; the watch checks nothing before it is set.</summary>
    public void Remember(string identity)
    {
        _identity = identity;
        _node = file.Path is { } path ? FileNode.Of(path) : null;
        lock (_lock) _lastStart = long.MinValue;
        if (file.MarkerPath is { } marker)
        {
            try
            {
                File.WriteAllText(marker, identity);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.LogWarning(e, "Cannot write the database marker {Marker}", marker);
            }
        }
    }

    /// <summary>Null when the database is the one the app started with, else what is wrong (Chinese); cached about a second.</summary>
    public Task<string?> ProblemAsync()
    {
        if (_identity is null) return Task.FromResult<string?>(null);
        lock (_lock)
        {
            if (_lastStart >= Stopwatch.GetTimestamp() - CacheTicks) return Task.FromResult(_lastProblem);
            return _running ??= RunAsync(Stopwatch.GetTimestamp());
        }
    }

    /// <summary>
    /// After a commit: throws <see cref="DatabaseMissingException"/> if the SQLite file is gone, deleted or renamed over
    /// right now (checked on every call), or if the cached full check found a problem.
    /// </summary>
    public async Task EnsureFileAsync()
    {
        var problem = _identity is not null && file.Path is { } path ? FileProblem(path) : null;
        if ((problem ?? await ProblemAsync()) is { } found) throw new DatabaseMissingException(found);
    }

    private async Task<string?> RunAsync(long start)
    {
        await Task.Yield();
        var problem = await CheckAsync();
        lock (_lock)
        {
            _lastStart = start;
            _lastProblem = problem;
            _running = null;
        }
        if (problem is not null) log.LogError("Database check failed: {Problem}", problem);
        return problem;
    }

    private async Task<string?> CheckAsync()
    {
        try
        {
            string? found;
            if (file.Path is { } path)
            {
                if (FileProblem(path) is { } problem) return problem;
                found = DatabaseIdentity.ReadSqliteFile(file.ConnectionString);
            }
            else
            {
                await using var scope = scopes.CreateAsyncScope();
                found = await DatabaseIdentity.ReadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), default);
            }
            return found == _identity ? null : "数据库已被替换为另一个数据库（标识不符）：数据不再保存，请检查后重启。";
        }
        catch (Exception e) when (DatabaseUnavailable.Is(e) || e is IOException)
        {
            return "无法访问数据库：" + e.Message;
        }
    }

    private string? FileProblem(string path)
    {
        var now = FileNode.Of(path);
        if (now is null) return $"数据库文件已不存在（{path}）：数据不再保存，请从备份恢复后重启。";
        return _node is { } started && now != started ? $"数据库文件已被删除或替换（{path}）：数据不再保存，请检查后重启。" : null;
    }
}

/// <summary>
/// Which file a path names right now: device and inode (Linux; elsewhere only whether it exists). While SQLite holds the
/// file open its inode cannot be reused, so another value means the path names another file: deleted and recreated,
/// or a copy renamed over it.
/// </summary>
public readonly record struct FileNode(ulong Device, ulong Inode)
{
    /// <summary>Null when nothing is at the path.</summary>
    public static FileNode? Of(string path)
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess) return File.Exists(path) ? new FileNode(0, 0) : null;
        var buffer = new byte[256]; // struct stat is 144 (x86-64) or 128 (arm64) bytes; both start with st_dev, st_ino
        if (Stat(path, buffer) != 0) return null;
        return new FileNode(BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path,
        byte[] buffer);
}
