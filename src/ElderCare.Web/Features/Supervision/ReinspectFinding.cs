using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

/// <summary>
/// The district or the third party re-inspects a rectified finding (复查): passed closes it (销号); failed reopens it with a
/// new deadline from the re-inspection time by the severity's row of the round's checklist. A finding not yet rectified,
/// or already closed, is a conflict (409).
/// </summary>
public static class ReinspectFinding
{
    public sealed record Input(bool? Passed, string? Note, List<Guid>? EvidenceIds);

    public static async Task<Outcome<FindingResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var finding = await db.SupervisionFindings.InScope(user.Scope).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (finding is null) return Outcome<FindingResource>.NotFound(SupervisionQueries.FindingNotFound);
        if (finding.Status == FindingStatus.Closed) return Outcome<FindingResource>.Conflict("该问题已复查销号。");
        if (finding.Status == FindingStatus.Open) return Outcome<FindingResource>.Conflict("该问题尚未整改，不能复查。");
        var errors = new FieldErrors();
        errors.AddIf(input.Passed is null, "passed", "请选择复查结论（通过销号或未通过重新整改）。");
        var note = errors.Text(input.Note, "note", "复查说明", FreeText.Note, multiLine: true);
        errors.AddIf(input.Passed == false && string.IsNullOrWhiteSpace(note), "note", "复查未通过时请填写说明。");
        var evidence = await SupervisionQueries.Evidence(input.EvidenceIds, finding.FacilityId, "evidenceIds", errors, db, ct);
        if (errors.Any) return Outcome<FindingResource>.Invalid(errors);
        var now = clock.UtcNow();
        var act = new FindingEvent
        {
            At = now, By = user.UserName ?? "", Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), EvidenceIds = evidence,
        };
        if (input.Passed == true)
        {
            (finding.Status, finding.ClosedAt, act.Act) = (FindingStatus.Closed, now, FindingAct.Closed);
        }
        else
        {
            var round = await db.SupervisionRounds.AsNoTracking().FirstAsync(r => r.Id == finding.RoundId, ct);
            var checklist = await db.SupervisionChecklists.AsNoTracking().FirstAsync(c => c.Id == round.ChecklistId, ct);
            if (SupervisionRules.Deadline(now, finding.Severity, checklist.Deadlines) is not { } due)
                return Outcome<FindingResource>.Invalid("passed", "督导检查表的整改期限表中没有该问题的等级，无法重新规定期限。");
            (finding.Status, finding.DueAt, finding.RectifiedAt, act.Act, act.DueAt) = (FindingStatus.Open, due, null, FindingAct.Reopened, due);
        }
        finding.Events = [.. finding.Events, act];
        finding.Version++;
        if (!await db.SavedAsync(ct)) return Outcome<FindingResource>.Conflict(SupervisionQueries.Concurrent);
        return await GetFinding.Handle(id, user.Scope, db, clock, ct);
    }
}
