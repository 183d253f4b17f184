namespace ElderCare.Web.Features.Alarms;

public enum EscalationKind { DistrictDutyDesk, TownOfficer }

/// <summary>The facts of an open alarm the clocks look at.</summary>
public sealed record AlarmClockFacts(Guid Id, DateTime RaisedAt, DateTime? AcknowledgedAt, DateTime? OnSiteAt, DateTime? ResolvedAt,
    DateTime? EscalatedToDistrictAt, DateTime? EscalatedToTownAt);

/// <summary>
/// The clocks of an alarm, as a pure function of the facts and the time: not acknowledged within 60 s → the district
/// duty desk; nobody on site within 30 min → the town officer. Each escalation happens once.
/// </summary>
public static class Escalation
{
    public static IReadOnlyList<EscalationKind> Due(AlarmClockFacts a, DateTime now, AlarmOptions options)
    {
        if (a.ResolvedAt is not null) return [];
        var due = new List<EscalationKind>(2);
        if (a.EscalatedToDistrictAt is null && (a.AcknowledgedAt ?? DateTime.MaxValue) > a.RaisedAt.AddSeconds(options.AcknowledgeSeconds)
            && now >= a.RaisedAt.AddSeconds(options.AcknowledgeSeconds))
            due.Add(EscalationKind.DistrictDutyDesk);
        if (a.EscalatedToTownAt is null && a.OnSiteAt is null && now >= a.RaisedAt.AddMinutes(options.OnSiteMinutes))
            due.Add(EscalationKind.TownOfficer);
        return due;
    }

    /// <summary>Outbox back-off: 5 s, 10 s, 20 s … doubling, at most 10 min.</summary>
    public static TimeSpan RetryDelay(int attempts, AlarmOptions options) =>
        Infrastructure.Web.Backoff.Delay(attempts, options.FirstRetrySeconds, options.MaxRetrySeconds); // outbound: the one back-off rule
}
