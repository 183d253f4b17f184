using System.Diagnostics;
using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.ClusterTests.Infrastructure;

/// <summary>
/// The local cluster's clock, as its primary database reads it once, carried forward by a monotonic stopwatch. The nodes are
/// real processes on real time, so an alarm's occurredAt must fall within their window (not in the future, not a week old);
/// the tests take it from here rather than from the wall clock, and measure waits with stopwatches.
/// </summary>
public sealed class ClusterClock : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    private ClusterClock(DateTimeOffset start) => _start = start;

    public static async Task<ClusterClock> ReadAsync(AppDbContext db) =>
        new(await db.Database.SqlQueryRaw<DateTimeOffset>("SELECT now() AS \"Value\"").SingleAsync());

    public override DateTimeOffset GetUtcNow() => _start + _elapsed.Elapsed;
}
