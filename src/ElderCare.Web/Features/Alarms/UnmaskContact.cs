using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>
/// The duty operator calls the family (接警台一键查看紧急联系人完整号码). An open alarm in the caller's scope is the reason
/// itself (QUALITY.md S6: a full phone number is shown only with a reason, and audited): the duty staff who may handle the
/// alarm see its elder's emergency contact in full without the general unmask permission, and the audit entry names the
/// alarm. Once the alarm is resolved the reason has gone; the elder's page (with the unmask permission) remains.
/// </summary>
public static class UnmaskContact
{
    /// <summary>Which contact of the elder's list, counted from 0 as listed on the card.</summary>
    public sealed record Input(int? Contact);

    public sealed record Unmasked(Guid AlarmId, int Contact, string Name, string? Relation, string? Phone);

    /// <summary>Why the number cannot be called up for an alarm in this status, or null: only while the alarm is open.</summary>
    public static string? Refusal(AlarmStatus status) =>
        status == AlarmStatus.Resolved ? "该报警已处置完毕，不能再凭报警查看联系人完整号码；如需联系，请在老人详情页申请查看。" : null;

    /// <summary>The reason recorded in the audit trail: the alarm (kind and id).</summary>
    public static string Reason(Guid alarmId, AlarmKind kind) => $"紧急救援：报警 {alarmId}（{AlarmLabels.Of(kind)}），联系紧急联系人";

    public static async Task<Outcome<Unmasked>> Handle(Guid alarmId, Input input, CurrentUser user, AppDbContext db, FieldProtector protector,
        AuditLog audit, CancellationToken ct)
    {
        var alarm = await db.Alarms.AsNoTracking().InScope(user.Scope).Where(a => a.Id == alarmId)
            .Select(a => new { a.ElderId, a.Kind, a.Status }).FirstOrDefaultAsync(ct);
        if (alarm is null) return Outcome<Unmasked>.NotFound("未找到该报警。");
        if (Refusal(alarm.Status) is { } refusal) return Outcome<Unmasked>.Conflict(refusal);
        if (input.Contact is not >= 0) return Outcome<Unmasked>.Invalid("contact", "请指明要查看哪一位紧急联系人（contact：从 0 开始的序号）。");
        var contacts = await db.Elders.AsNoTracking().Where(e => e.Id == alarm.ElderId).Select(e => e.EmergencyContacts).FirstAsync(ct);
        var n = input.Contact.Value;
        if (n >= contacts.Count)
            return Outcome<Unmasked>.Invalid("contact", contacts.Count == 0
                ? "该老人未登记紧急联系人。"
                : $"该老人登记了 {contacts.Count} 位紧急联系人，序号应为 0 至 {contacts.Count - 1}。");
        var contact = contacts[n];
        await audit.AppendAsync(new(user.Id, user.UserName, "data.unmask", $"elder/{alarm.ElderId}/contact/{n}/phone", AuditOutcome.Success,
            user.Address, Reason(alarmId, alarm.Kind)));
        return new Unmasked(alarmId, n, contact.Name, contact.Relation, protector.Unprotect(contact.PhoneProtected));
    }
}
