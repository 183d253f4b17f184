using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>
/// One step of the response chain (接警 → 派单 → 到场 → 处置), with who and when. The on-site step checks the
/// position against the elder's home like a visit check-in; a position outside the radius is recorded and flagged,
/// not refused (an emergency is no time to argue with a phone's GPS).
/// </summary>
public static class AdvanceAlarm
{
    public sealed record Input(ResponderKind? Responder, string? ResponderName, LocationResource? Location, AlarmOutcome? Outcome,
        string? Note, int? Version);

    public static async Task<Outcome<AlarmResource>> Handle(Guid id, AlarmAction action, Input input, CurrentUser user, AppDbContext db,
        AlarmOptions options, TimeProvider clock, CancellationToken ct)
    {
        var alarm = await db.Alarms.InScope(user.Scope).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alarm is null) return Outcome<AlarmResource>.NotFound("未找到该报警。");
        if (input.Version is { } v && v != alarm.Version) return Outcome<AlarmResource>.Conflict("该报警已被他人更新，请刷新后再操作。");
        if (AlarmLifecycle.Next(alarm.Status, action) is not { } next)
            return Outcome<AlarmResource>.Conflict(AlarmLifecycle.Refusal(alarm.Status, action));

        var errors = new FieldErrors();
        input = Validate(action, input, errors);
        if (errors.Any) return Outcome<AlarmResource>.Invalid(errors);

        var now = clock.UtcNow();
        var who = user.UserName ?? "(unknown)";
        switch (action)
        {
            case AlarmAction.Acknowledge:
                alarm.AcknowledgedAt = now;
                alarm.AcknowledgedBy = who;
                break;
            case AlarmAction.Dispatch:
                alarm.DispatchedAt = now;
                alarm.DispatchedBy = who;
                alarm.Responder = input.Responder;
                alarm.ResponderName = string.IsNullOrWhiteSpace(input.ResponderName) ? null : input.ResponderName.Trim();
                break;
            case AlarmAction.ArriveOnSite:
                alarm.OnSiteAt = now;
                alarm.OnSiteBy = who;
                if (input.Location is { } at)
                {
                    alarm.OnSiteLatitude = at.Lat;
                    alarm.OnSiteLongitude = at.Lng;
                    var home = await db.Elders.AsNoTracking().Where(e => e.Id == alarm.ElderId).Select(e => new { e.Latitude, e.Longitude })
                        .FirstAsync(ct);
                    if (home.Latitude is { } hl && home.Longitude is { } hg)
                    {
                        alarm.OnSiteDistance = Math.Round(Geo.DistanceMeters(hl, hg, at.Lat, at.Lng), 1);
                        alarm.OnSiteWithinRadius = alarm.OnSiteDistance <= options.OnSiteRadiusMeters;
                    }
                }
                break;
            case AlarmAction.Resolve:
                alarm.ResolvedAt = now;
                alarm.ResolvedBy = who;
                alarm.Outcome = input.Outcome;
                break;
        }
        if (!string.IsNullOrWhiteSpace(input.Note)) alarm.Note = input.Note.Trim();
        alarm.Status = next;
        alarm.Version++;
        await Outbound.DomainEvents.AlarmAdvancedAsync(db, alarm, action, now, ct); // outbound: alarm.acknowledged / resolved (ADR 29)
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<AlarmResource>.Conflict("该报警已被他人更新，请刷新后再操作。");
        }
        return AlarmResource.From(alarm);
    }

    /// <summary>
    /// The step's input (pure): note and responder name as free text within their lengths, a responder for a dispatch
    /// (named when it is one of ours), an outcome for a resolve, and a position on the globe (NaN refused).
    /// Returns the input with its texts cleaned.
    /// </summary>
    public static Input Validate(AlarmAction action, Input input, FieldErrors errors)
    {
        input = input with
        {
            Note = errors.Text(input.Note, "note", "备注", FreeText.Note, multiLine: true),
            ResponderName = errors.Text(input.ResponderName, "responderName", "处置人姓名", FreeText.PersonName),
        };
        errors.AddIf(input.Note?.Length > 500, "note", "备注不超过 500 字。");
        errors.AddIf(input.ResponderName?.Length > 100, "responderName", "处置人姓名不超过 100 字。");
        if (action == AlarmAction.Dispatch)
        {
            errors.AddIf(input.Responder is null, "responder", "请选择处置力量：station-helper、caregiver、family-contact、handoff120 或 handoff110。");
            errors.AddIf(input.Responder is ResponderKind.StationHelper or ResponderKind.Caregiver or ResponderKind.FamilyContact
                         && string.IsNullOrWhiteSpace(input.ResponderName), "responderName", "请填写前往处置的人员姓名。");
        }
        if (action == AlarmAction.Resolve) errors.AddIf(input.Outcome is null, "outcome", "请选择处置结果：real-emergency、false-alarm 或 test。");
        if (input.Location is { } l) errors.CheckLocation(l.Lat, l.Lng);
        return input;
    }
}
