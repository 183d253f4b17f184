using ElderCare.Web.Data;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Reports;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Outbound;

/// <summary>
/// What the use cases call to tell the outside (ADR 29), one line each, before their SaveChanges: the webhook events of
/// alarms, visits and reports, and the visit code by SMS to the family.
/// </summary>
public static class DomainEvents
{
    public static AlarmEventData Data(Alarm a) => new(a.Id, a.ElderId, EnumText.Of(a.Kind), EnumText.Of(a.Status), a.RegionCode, a.UnitCode,
        a.StationId, a.RaisedAt, a.AcknowledgedAt, a.ResolvedAt, a.Outcome is { } o ? EnumText.Of(o) : null);

    /// <summary>The rows of alarm.raised for the write gate (which stores them with the alarm).</summary>
    public static Task<List<OutboxMessage>> AlarmRaisedAsync(AppDbContext db, Alarm alarm, DateTime now, CancellationToken ct,
        IReadOnlyList<OutboundEvents.Subscriber>? subscribers = null) => // read with the device (ADR 32)
        OutboundEvents.BuildAsync(db, OutboundEvents.AlarmRaised, alarm.Id.ToString("N"), alarm.RegionCode, Data(alarm), now, ct, subscribers);

    /// <summary>alarm.acknowledged or alarm.resolved after the step; other steps raise nothing.</summary>
    public static Task AlarmAdvancedAsync(AppDbContext db, Alarm alarm, AlarmAction action, DateTime now, CancellationToken ct) => action switch
    {
        AlarmAction.Acknowledge => Alarm(db, OutboundEvents.AlarmAcknowledged, alarm, now, ct),
        AlarmAction.Resolve => Alarm(db, OutboundEvents.AlarmResolved, alarm, now, ct),
        _ => Task.CompletedTask,
    };

    private static Task<int> Alarm(AppDbContext db, string type, Alarm alarm, DateTime now, CancellationToken ct) =>
        OutboundEvents.RaiseAsync(db, type, alarm.Id.ToString("N"), alarm.RegionCode, Data(alarm), now, ct);

    /// <summary>visit.verified once the visit counts as verified (EVV passed, or accepted on review); once per visit.</summary>
    public static async Task VisitVerifiedAsync(AppDbContext db, ServiceOrder order, DateTime now, CancellationToken ct)
    {
        if (order.Verification != Verification.Verified) return;
        await OutboundEvents.RaiseAsync(db, OutboundEvents.VisitVerified, order.Id.ToString("N"), order.RegionCode,
            new VisitEventData(order.Id, order.ElderId, order.ProviderId, order.RegionCode, order.CheckInAt, order.CheckOutAt,
                order.Review is not null),
            now, ct);
    }

    public static Task ReportApprovedAsync(AppDbContext db, QuarterlyReport r, DateTime now, CancellationToken ct) =>
        OutboundEvents.RaiseAsync(db, OutboundEvents.ReportApproved, r.Id.ToString("N"), r.UnitCode,
            new ReportEventData(r.Id, r.UnitCode, r.UnitName, r.Year, r.QuarterNumber, r.ApprovedAt, r.SnapshotHash), now, ct);

    /// <summary>
    /// The one-time visit code by SMS (template visit-code) to each family contact of the elder with a mobile number,
    /// so the office no longer reads it out; the office's view of the code (GET …/confirmation-code) stays as the fallback.
    /// </summary>
    public static async Task VisitCodeAsync(AppDbContext db, FieldProtector protector, ServiceOrder order, string code, DateTime now,
        CancellationToken ct)
    {
        var elder = await db.Elders.AsNoTracking().Where(e => e.Id == order.ElderId).Select(e => new { e.Name, e.EmergencyContacts })
            .FirstOrDefaultAsync(ct);
        if (elder is null) return;
        var parameters = new Dictionary<string, string> { ["elder"] = Masking.Name(elder.Name) ?? "", ["service"] = order.ItemName, ["code"] = code };
        foreach (var phone in elder.EmergencyContacts.Select(c => protector.Unprotect(c.PhoneProtected)).Where(p => p is not null).Distinct())
            await SmsQueue.AddAsync(db, protector, SmsTemplate.VisitCode, phone, parameters, $"{order.Id:N}:{order.CheckInAt?.Ticks}",
                order.RegionCode, now, ct);
    }
}
