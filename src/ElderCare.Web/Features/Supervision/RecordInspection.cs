using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

/// <summary>
/// The district or the third party records the inspection of a facility in a round (三(一) monthly supervision): the
/// inspector, the date (in the round's month, not in the future) and a result (符合 / 不符合 / 不适用) with a note for every
/// item of the round's checklist. The facility must be in scope as a read of it (ADR 0019); one inspection per facility and round.
/// </summary>
public static class RecordInspection
{
    public sealed record ResultInput(string? ItemCode, ItemResult? Result, string? Note);

    public sealed record Input(Guid? RoundId, Guid? FacilityId, string? Inspector, DateOnly? InspectedOn, List<ResultInput>? Results);

    public static async Task<Outcome<InspectionResource>> Handle(Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.AddIf(input.RoundId is null, "roundId", "请选择督导批次。");
        errors.AddIf(input.FacilityId is null, "facilityId", "请选择被检查的设施。");
        var inspector = errors.Text(input.Inspector, "inspector", "检查人", FreeText.PersonName);
        errors.AddIf(string.IsNullOrWhiteSpace(inspector), "inspector", "请填写检查人姓名。");
        errors.AddIf(input.InspectedOn is null, "inspectedOn", "请填写检查日期。");
        if (errors.Any) return Outcome<InspectionResource>.Invalid(errors);
        var round = await db.SupervisionRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == input.RoundId, ct);
        if (round is null) return Outcome<InspectionResource>.NotFound(SupervisionQueries.RoundNotFound);
        var facility = await db.Facilities.AsNoTracking().InScope(user.Scope).Where(f => f.Id == input.FacilityId)
            .Select(f => new { f.Id, f.UnitCode }).FirstOrDefaultAsync(ct);
        if (facility is null) return Outcome<InspectionResource>.NotFound(SupervisionQueries.FacilityNotFound);
        var checklist = await db.SupervisionChecklists.AsNoTracking().FirstAsync(c => c.Id == round.ChecklistId, ct);

        var on = input.InspectedOn!.Value;
        errors.AddIf(on.Year != round.Year || on.Month != round.Month, "inspectedOn", $"检查日期须在督导批次所在月份（{round.Year}年{round.Month}月）内。");
        errors.AddIf(on > clock.Today(), "inspectedOn", "检查日期不能晚于今天。");
        var results = Results(input.Results ?? [], checklist, errors);
        if (errors.Any) return Outcome<InspectionResource>.Invalid(errors);
        if (await db.Inspections.AnyAsync(i => i.RoundId == round.Id && i.FacilityId == facility.Id, ct))
            return Outcome<InspectionResource>.Conflict("该设施在本督导批次中已有检查记录。");

        var inspection = new Inspection
        {
            RoundId = round.Id, FacilityId = facility.Id, UnitCode = facility.UnitCode, Inspector = inspector!.Trim(), InspectedOn = on,
            InspectedAt = clock.UtcNow(), Results = results, RecordedBy = user.UserName ?? "",
        };
        db.Inspections.Add(inspection);
        if (!await db.SavedAsync(ct)) return Outcome<InspectionResource>.Conflict("该设施在本督导批次中已有检查记录。");
        return (await SupervisionQueries.Inspections(db.Inspections.Where(i => i.Id == inspection.Id), db, ct)).Single();
    }

    /// <summary>One result per checklist item, each item once; errors under results[n].</summary>
    private static List<InspectionResult> Results(List<ResultInput> given, SupervisionChecklist checklist, FieldErrors errors)
    {
        var codes = checklist.Items.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var results = new List<InspectionResult>();
        for (var n = 0; n < given.Count; n++)
        {
            var r = given[n];
            if (r.ItemCode is null || !codes.Contains(r.ItemCode))
            {
                errors.Add($"results[{n}].itemCode", "督导检查表中没有这一项。");
                continue;
            }
            if (results.Any(x => x.ItemCode == r.ItemCode))
            {
                errors.Add($"results[{n}].itemCode", "同一检查项只能填写一次。");
                continue;
            }
            errors.AddIf(r.Result is null, $"results[{n}].result", "请选择检查结果（符合、不符合或不适用）。");
            var note = errors.Text(r.Note, $"results[{n}].note", "检查说明", FreeText.Note, multiLine: true);
            results.Add(new InspectionResult
            {
                ItemCode = r.ItemCode, Result = r.Result ?? ItemResult.Pass, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            });
        }
        var missing = checklist.Items.Where(i => results.All(r => r.ItemCode != i.Code)).Select(i => i.Text).ToList();
        errors.AddIf(missing.Count > 0, "results", $"请填写每一检查项的结果，尚缺：{string.Join("；", missing.Take(3))}{(missing.Count > 3 ? " 等" : "")}。");
        return results;
    }
}
