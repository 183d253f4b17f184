using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ElderCare.Web.Infrastructure.Errors;

/// <summary>
/// The one classifier of "the database cannot serve right now" (ADR 16): busy or locked SQLite, a read-only, missing or
/// replaced file, PostgreSQL unreachable, shutting down or timing out. The global exception handler answers these with
/// 503 + Retry-After — nothing was stored, the client may retry — never 500.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a client is asked to wait (Retry-After).</summary>
    public const int RetryAfterSeconds = 5;

    public const string Detail = "数据库暂时不可用（繁忙、锁定或无法访问），本次请求未完成、未保存；请稍后重试（报警请用同一个 Idempotency-Key 重试）。";

    // SQLITE_BUSY 5, SQLITE_LOCKED 6, SQLITE_READONLY 8, SQLITE_IOERR 10, SQLITE_CORRUPT 11, SQLITE_FULL 13,
    // SQLITE_CANTOPEN 14, SQLITE_NOTADB 26: none is the request's own fault, none is fixed by a code change.
    private static readonly HashSet<int> SqliteCodes = [5, 6, 8, 10, 11, 13, 14, 26];

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DatabaseMissingException:
                    return true;
                case SqliteException sqlite when SqliteCodes.Contains(sqlite.SqliteErrorCode):
                    return true;
                case PostgresException pg when IsUnavailable(pg.SqlState):
                    return true;
                case PostgresException:
                    return false; // a constraint or syntax error of the request itself
                case NpgsqlException npgsql when npgsql.IsTransient
                                                 || npgsql.InnerException is System.Net.Sockets.SocketException or TimeoutException or IOException:
                    return true;
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>08 connection, 53 insufficient resources, 57P01-57P03 shutting down / cannot connect now, 55P03 lock not
    /// available, 57014 statement timeout.</summary>
    private static bool IsUnavailable(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
        || state is "57P01" or "57P02" or "57P03" or "55P03" or "57014";

    /// <summary>Marks a response as 503 with Retry-After (pages and API alike).</summary>
    public static void SetHeaders(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The database file the app started with is gone or was replaced (<see cref="Data.DatabaseWatch"/>).</summary>
public sealed class DatabaseMissingException(string message) : DbException(message);
