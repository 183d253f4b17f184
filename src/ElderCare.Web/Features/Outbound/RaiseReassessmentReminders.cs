using ElderCare.Web.Data;
using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Outbound;

/// <summary>
/// Reminders by SMS (template reminder) to the family of each active elder whose routine reassessment (常规评估, every
/// 12 months, <see cref="Reassessment"/>) falls due within <see cref="OutboundOptions.ReassessmentReminderDays"/> days:
/// once per elder and due date (the event id), so a pass run twice or after a restart sends nothing more. Run once a
/// China day by <see cref="OutboxPass"/>.
/// </summary>
public static class RaiseReassessmentReminders
{
    /// <summary>Whether a routine reassessment due on <paramref name="due"/> is reminded today: from N days before, until the day.</summary>
    public static bool Reminds(ReassessmentDue due, DateOnly today, int daysAhead) =>
        due.Reason == AssessmentReason.Routine && due.On >= today && due.On <= today.AddDays(daysAhead);

    public static async Task<int> Handle(AppDbContext db, FieldProtector protector, OutboundOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        if (options.ReassessmentReminderDays <= 0) return 0;
        var today = clock.Today();
        // Last assessed 12 months before the window (a day more either side for the month-end clamp, Reassessment.Due).
        var from = today.AddMonths(-Reassessment.CycleMonths).AddDays(-1);
        var to = today.AddDays(options.ReassessmentReminderDays).AddMonths(-Reassessment.CycleMonths).AddDays(1);
        var elders = await db.Elders.AsNoTracking()
            .Where(e => e.Status == ElderStatus.Active && e.LastAssessedOn >= from && e.LastAssessedOn <= to)
            .Select(e => new { e.Id, e.Name, e.RegionCode, e.LastAssessedOn, e.ConditionChangedOn, e.EmergencyContacts })
            .ToListAsync(ct);
        var now = clock.UtcNow();
        var queued = 0;
        foreach (var e in elders)
        {
            var due = Reassessment.Due(e.LastAssessedOn!.Value, e.ConditionChangedOn);
            if (!Reminds(due, today, options.ReassessmentReminderDays)) continue;
            var parameters = new Dictionary<string, string>
            {
                ["elder"] = Masking.Name(e.Name) ?? "", ["item"] = "能力复评",
                ["date"] = due.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            };
            foreach (var phone in e.EmergencyContacts.Select(c => protector.Unprotect(c.PhoneProtected)).Where(p => p is not null).Distinct())
                if (await SmsQueue.AddAsync(db, protector, SmsTemplate.Reminder, phone, parameters, $"reassessment:{e.Id:N}:{due.On:yyyy-MM-dd}",
                        e.RegionCode, now, ct))
                    queued++;
        }
        await db.SaveChangesAsync(ct);
        return queued;
    }
}
