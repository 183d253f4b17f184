namespace ElderCare.Web.Features.Alarms;

/// <summary>The figures of emergency rescue (PRACTICE.md defaults), from configuration section "Alarms".</summary>
public sealed class AlarmOptions
{
    /// <summary>Answer within 60 s (TSA / Texas 26 TAC §279.79); past it the district duty desk is alerted.</summary>
    public int AcknowledgeSeconds { get; set; } = 60;

    /// <summary>Someone on site within 30 min (Quanzhou home-care call platform); past it the town officer is alerted.</summary>
    public int OnSiteMinutes { get; set; } = 30;

    /// <summary>On-site position check: within this many metres of the elder's home (visits practice: 50 m standard,
    /// 100 m expanded; rural addresses need more, so 200 m by default).</summary>
    public double OnSiteRadiusMeters { get; set; } = 200;

    /// <summary>Seconds between two scans of the clocks and the outbox.</summary>
    public double ClockIntervalSeconds { get; set; } = 5;

    /// <summary>Alarms escalated in one scan, oldest first; the rest wait for the next scan a few seconds later.</summary>
    public int EscalationBatch { get; set; } = 500;

    /// <summary>Family notifications sent in one scan, the longest due first; the rest go in the next scan.</summary>
    public int DeliveryBatch { get; set; } = 100;

    /// <summary>
    /// Cards the console draws, the longest wait first. A mass event (a storm cutting power to a town) can raise more
    /// open alarms than a duty operator can read on one screen and than the page can redraw on every live signal; the
    /// console says how many are not drawn, and the paged list (GET /api/alarms?open=true) has them all.
    /// </summary>
    public int ConsoleCards { get; set; } = 200;

    /// <summary>Per-device token bucket: a burst of this many alarms, then one more per <see cref="RefillSeconds"/>.</summary>
    public int BurstPerDevice { get; set; } = 10;

    public double RefillSeconds { get; set; } = 6;

    /// <summary>Outbox retry: the first retry after this many seconds, doubling up to <see cref="MaxRetrySeconds"/>.</summary>
    public double FirstRetrySeconds { get; set; } = 5;

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

    /// <summary>Refuses figures the clocks, the outbox and the console cannot work with (the app does not start).</summary>
    public AlarmOptions Validated()
    {
        var wrong = new (string Name, int Value)[]
            {
                ("AcknowledgeSeconds", AcknowledgeSeconds), ("OnSiteMinutes", OnSiteMinutes), ("EscalationBatch", EscalationBatch),
                ("DeliveryBatch", DeliveryBatch), ("ConsoleCards", ConsoleCards),
            }
            .Where(o => o.Value <= 0).Select(o => o.Name).ToList();
        return wrong.Count == 0
            ? this
            : throw new InvalidOperationException($"Alarms 配置有误：{string.Join("、", wrong)} 应大于 0。");
    }

    public TimeSpan HeartbeatInterval(DeviceKind kind) => TimeSpan.FromMinutes(HeartbeatMinutes.TryGetValue(kind, out var m) ? m : 60);
}
