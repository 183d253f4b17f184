using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Features.Alarms;

/// <summary>The figures of emergency rescue (PRACTICE.md defaults), from configuration section "Alarms".</summary>
public sealed class AlarmOptions : IValidatableObject
{
    /// <summary>Answer within 60 s (TSA / Texas 26 TAC §279.79); past it the district duty desk is alerted.</summary>
    [Range(1, 3600)]
    public int AcknowledgeSeconds { get; set; } = 60;

    /// <summary>Someone on site within 30 min (Quanzhou home-care call platform); past it the town officer is alerted.</summary>
    [Range(1, 1440)]
    public int OnSiteMinutes { get; set; } = 30;

    /// <summary>On-site position check: within this many metres of the elder's home (visits practice: 50 m standard,
    /// 100 m expanded; rural addresses need more, so 200 m by default).</summary>
    [Range(0d, 10_000d, MinimumIsExclusive = true)]
    public double OnSiteRadiusMeters { get; set; } = 200;

    /// <summary>Seconds between two scans of the clocks and the outbox.</summary>
    [Range(0d, 3600d)]
    public double ClockIntervalSeconds { get; set; } = 5;

    /// <summary>Alarms escalated in one scan, oldest first; the rest wait for the next scan a few seconds later.</summary>
    [Range(1, 100_000)]
    public int EscalationBatch { get; set; } = 500;

    /// <summary>Family notifications sent in one scan, the longest due first; the rest go in the next scan.</summary>
    [Range(1, 100_000)]
    public int DeliveryBatch { get; set; } = 100;

    /// <summary>
    /// Cards the console draws, the longest wait first. A mass event (a storm cutting power to a town) can raise more
    /// open alarms than a duty operator can read on one screen and than the page can redraw on every live signal; the
    /// console says how many are not drawn, and the paged list (GET /api/alarms?open=true) has them all.
    /// </summary>
    [Range(1, 10_000)]
    public int ConsoleCards { get; set; } = 200;

    /// <summary>Per-device token bucket: a burst of this many alarms, then one more per <see cref="RefillSeconds"/>.</summary>
    [Range(1, int.MaxValue)]
    public int BurstPerDevice { get; set; } = 10;

    [Range(0d, 86_400d, MinimumIsExclusive = true)]
    public double RefillSeconds { get; set; } = 6;

    /// <summary>Outbox retry: the first retry after this many seconds, doubling up to <see cref="MaxRetrySeconds"/>.</summary>
    [Range(0d, 86_400d, MinimumIsExclusive = true)]
    public double FirstRetrySeconds { get; set; } = 5;

    [Range(0d, 86_400d, MinimumIsExclusive = true)]
    public double MaxRetrySeconds { get; set; } = 600;

    /// <summary>Expected heartbeat interval per device kind (minutes); a device silent for longer is offline.</summary>
    public Dictionary<DeviceKind, int> HeartbeatMinutes { get; set; } = new()
    {
        [DeviceKind.OneKeyTerminal] = 60,
        [DeviceKind.SmartWatch] = 30,
        [DeviceKind.FallDetector] = 60,
        [DeviceKind.SmokeDetector] = 240,
        [DeviceKind.GasDetector] = 240,
        [DeviceKind.DoorSensor] = 240,
    };

    public TimeSpan HeartbeatInterval(DeviceKind kind) => TimeSpan.FromMinutes(HeartbeatMinutes.TryGetValue(kind, out var m) ? m : 60);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetrySeconds < FirstRetrySeconds)
            yield return new ValidationResult($"最长重试间隔（{MaxRetrySeconds}）不能小于首次重试间隔（{FirstRetrySeconds}）。",
                [nameof(MaxRetrySeconds)]);
        foreach (var (kind, minutes) in HeartbeatMinutes.Where(h => h.Value is < 1 or > 10_080))
            yield return new ValidationResult($"心跳间隔应在 1 至 10080 分钟之间，当前为 {minutes}。", [$"{nameof(HeartbeatMinutes)}:{kind}"]);
    }
}
