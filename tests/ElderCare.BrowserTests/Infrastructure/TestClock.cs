using System.Diagnostics;

namespace ElderCare.BrowserTests.Infrastructure;

/// <summary>
/// The app's clock in browser tests: it starts at a fixed instant and then runs at real speed, so a flow reads the same
/// time of day whenever the suite runs (working hours, "today", meal times), while timeouts, the alarm clocks and live
/// updates still see time pass. No browser test reads the wall clock; they ask the app's clock.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    public override DateTimeOffset GetUtcNow() => start + _elapsed.Elapsed;

    /// <summary>Now in China time (UTC+8), as the pages show it.</summary>
    public DateTime ChinaNow => GetUtcNow().UtcDateTime.AddHours(8);

    public DateOnly ChinaToday => DateOnly.FromDateTime(ChinaNow);
}
