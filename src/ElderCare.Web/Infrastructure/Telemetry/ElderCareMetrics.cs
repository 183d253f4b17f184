using System.Diagnostics;
using System.Diagnostics.Metrics;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Infrastructure.Telemetry;

/// <summary>
/// What the app measures beyond the requests and the database (those come from the instrumentation; ADR 32): alarm
/// intake, the outbox lag and the lag of the background clocks, on the meter "ElderCare"; and a span per background pass
/// on the activity source of the same name. Tags are fixed words (the source, the pass, the outbox), never an id, a
/// name or a phone.
/// </summary>
public sealed class ElderCareMetrics
{
    public const string Name = "ElderCare";

    /// <summary>Spans of the background passes (the requests' spans come from ASP.NET Core).</summary>
    public static readonly ActivitySource Traces = new(Name);

    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    };

    private readonly Counter<long> _alarmsAccepted;
    private readonly Histogram<double> _intake;
    private readonly Gauge<double> _outboxLag;
    private readonly Histogram<double> _clockLag;

    public ElderCareMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _alarmsAccepted = meter.CreateCounter<long>("eldercare.alarms.accepted", "{alarm}", "受理的新报警数（按来源：device 设备、hotline 电话接警）");
        _intake = meter.CreateHistogram("eldercare.alarms.intake.duration", "s", "接警用时：从收到请求到报警落库", advice: Seconds);
        _outboxLag = meter.CreateGauge<double>("eldercare.outbox.lag", "s", "最早一条尚未发出的外发消息已等待的时间（每次发送后测量）");
        _clockLag = meter.CreateHistogram("eldercare.clock.lag", "s", "后台定时处理比计划晚开始了多久", advice: Seconds);
    }

    /// <summary>A new alarm stored: <paramref name="source"/> is "device" or "hotline".</summary>
    public void AlarmAccepted(string source, TimeSpan intake)
    {
        var tag = new KeyValuePair<string, object?>("source", source);
        _alarmsAccepted.Add(1, tag);
        _intake.Record(intake.TotalSeconds, tag);
    }

    /// <summary>Measures the age of the oldest row not yet sent (0 when none waits); no query while nobody listens.</summary>
    public async Task OutboxLagAsync(string outbox, IQueryable<DateTime> unsentSince, TimeProvider clock, CancellationToken ct)
    {
        if (!_outboxLag.Enabled) return;
        var oldest = await unsentSince.Select(t => (DateTime?)t).MinAsync(ct);
        _outboxLag.Record(oldest is { } t ? Math.Max(0, (clock.UtcNow() - t).TotalSeconds) : 0, new KeyValuePair<string, object?>("outbox", outbox));
    }

    /// <summary>How much later than its interval after the previous one a background pass started.</summary>
    public void ClockLag(string pass, TimeSpan late) =>
        _clockLag.Record(Math.Max(0, late.TotalSeconds), new KeyValuePair<string, object?>("pass", pass));
}
