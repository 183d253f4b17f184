using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

/// <summary>
/// The inspector raises a finding from an inspection (三(一) supervision): from a failed checklist item, or free (no item),
/// with a severity, a description and photos or PDFs (evidence files of the facility). The deadline runs from the
/// inspection time by the checklist's table (<see cref="SupervisionRules.Deadline"/>); a repeat of the same failed item
/// within 12 months is marked (<see cref="SupervisionRules.Repeated"/>). One finding per item and inspection.
/// </summary>
public static class RaiseFinding
{
    public sealed record Input(Guid? InspectionId, string? ItemCode, FindingSeverity? Severity, string? Description, List<Guid>? EvidenceIds);

    public static async Task<Outcome<FindingResource>> Handle(Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.AddIf(input.InspectionId is null, "inspectionId", "请选择发现问题的检查记录。");
        errors.AddIf(input.Severity is null, "severity", "请选择问题等级（紧急、严重、一般或轻微）。");
        var description = errors.Text(input.Description, "description", "问题描述", FreeText.Note, multiLine: true);
        errors.AddIf(string.IsNullOrWhiteSpace(description), "description", "请填写问题描述。");
        if (errors.Any) return Outcome<FindingResource>.Invalid(errors);
        var inspection = await db.Inspections.AsNoTracking().InScope(user.Scope).FirstOrDefaultAsync(i => i.Id == input.InspectionId, ct);
        if (inspection is null) return Outcome<FindingResource>.NotFound(SupervisionQueries.InspectionNotFound);
        var code = string.IsNullOrWhiteSpace(input.ItemCode) ? null : input.ItemCode.Trim();
        if (code is not null && !inspection.Results.Any(r => r.ItemCode == code && r.Result == ItemResult.Fail))
            errors.Add("itemCode", "该检查项在本次检查中不是“不符合”，不能据此登记问题。");
        var evidence = await SupervisionQueries.Evidence(input.EvidenceIds, inspection.FacilityId, "evidenceIds", errors, db, ct);
        if (errors.Any) return Outcome<FindingResource>.Invalid(errors);
        if (code is not null && await db.SupervisionFindings.AnyAsync(f => f.InspectionId == inspection.Id && f.ItemCode == code, ct))
            return Outcome<FindingResource>.Conflict("本次检查已就该检查项登记了问题。");

        var round = await db.SupervisionRounds.AsNoTracking().FirstAsync(r => r.Id == inspection.RoundId, ct);
        var checklist = await db.SupervisionChecklists.AsNoTracking().FirstAsync(c => c.Id == round.ChecklistId, ct);
        if (SupervisionRules.Deadline(inspection.InspectedAt, input.Severity!.Value, checklist.Deadlines) is not { } due)
            return Outcome<FindingResource>.Invalid("severity", "督导检查表的整改期限表中没有该等级。");
        var since = inspection.InspectedOn.AddMonths(-SupervisionRules.RepeatMonths);
        var earlier = code is null ? [] : await db.Inspections.AsNoTracking()
            .Where(i => i.FacilityId == inspection.FacilityId && i.InspectedOn >= since && i.InspectedOn < inspection.InspectedOn).ToListAsync(ct);
        var repeated = SupervisionRules.Repeated(code, inspection.InspectedOn,
            earlier.Select(i => (i.InspectedOn, i.Results.Where(r => r.Result == ItemResult.Fail).Select(r => r.ItemCode))));
        var now = clock.UtcNow();
        var finding = new SupervisionFinding
        {
            InspectionId = inspection.Id, RoundId = inspection.RoundId, FacilityId = inspection.FacilityId, UnitCode = inspection.UnitCode,
            ItemCode = code, Description = description!.Trim(), Severity = input.Severity.Value, RaisedAt = now, RaisedBy = user.UserName ?? "",
            EvidenceIds = evidence, Repeated = repeated, DueAt = due, Status = FindingStatus.Open,
            Events =
            [
                new FindingEvent
                {
                    Act = FindingAct.Raised, At = now, By = user.UserName ?? "", Note = description.Trim(), EvidenceIds = evidence, DueAt = due,
                },
            ],
        };
        db.SupervisionFindings.Add(finding);
        await db.SaveChangesAsync(ct);
        return await GetFinding.Handle(finding.Id, user.Scope, db, clock, ct);
    }
}
