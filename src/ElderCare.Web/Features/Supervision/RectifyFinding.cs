using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

/// <summary>
/// The facility's operator or the town officer records the rectification of an open finding (整改), with a note and
/// evidence files of the facility; it then waits for re-inspection. One after the deadline is marked late (the finding
/// was overdue, <see cref="SupervisionRules.Late"/>). A finding already rectified or closed is a conflict (409).
/// </summary>
public static class RectifyFinding
{
    public sealed record Input(string? Note, List<Guid>? EvidenceIds);

    public static async Task<Outcome<FindingResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var finding = await db.SupervisionFindings.InScope(user.Scope).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (finding is null) return Outcome<FindingResource>.NotFound(SupervisionQueries.FindingNotFound);
        if (finding.Status == FindingStatus.Closed) return Outcome<FindingResource>.Conflict("该问题已复查销号，不能再整改。");
        if (finding.Status == FindingStatus.Rectified) return Outcome<FindingResource>.Conflict("该问题已整改，正等待复查。");
        var errors = new FieldErrors();
        var note = errors.Text(input.Note, "note", "整改说明", FreeText.Note, multiLine: true);
        errors.AddIf(string.IsNullOrWhiteSpace(note), "note", "请填写整改说明。");
        var evidence = await SupervisionQueries.Evidence(input.EvidenceIds, finding.FacilityId, "evidenceIds", errors, db, ct);
        if (errors.Any) return Outcome<FindingResource>.Invalid(errors);
        var now = clock.UtcNow();
        finding.Status = FindingStatus.Rectified;
        finding.RectifiedAt = now;
        finding.RectifiedLate |= SupervisionRules.Late(finding.DueAt, now);
        finding.Events = [.. finding.Events, new FindingEvent
        {
            Act = FindingAct.Rectified, At = now, By = user.UserName ?? "", Note = note!.Trim(), EvidenceIds = evidence,
        }];
        finding.Version++;
        if (!await db.SavedAsync(ct)) return Outcome<FindingResource>.Conflict(SupervisionQueries.Concurrent);
        return await GetFinding.Handle(id, user.Scope, db, clock, ct);
    }
}
