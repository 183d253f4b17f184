using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>
/// The district assigns facilities of a round to an evaluator organisation and the evaluators (users of role Evaluator) who
/// score them (三(二)(三)): one sheet per facility per round, its template the one in force for the round's year and the
/// facility's type. Assigning a facility again changes its evaluators, unless its sheet is approved (locked).
/// </summary>
public static class AssignEvaluations
{
    public sealed record Input(List<Guid>? FacilityIds, string? EvaluatorOrganisation, List<Guid>? EvaluatorUserIds);

    public static async Task<Outcome<List<EvaluationResource>>> Handle(Guid roundId, Input input, CurrentUser user, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return Outcome<List<EvaluationResource>>.NotFound("找不到该评估批次。");
        var errors = new FieldErrors();
        var organisation = errors.Text(input.EvaluatorOrganisation, "evaluatorOrganisation", "评估机构", FreeText.Name);
        errors.AddIf(string.IsNullOrWhiteSpace(organisation), "evaluatorOrganisation", "请填写第三方评估机构名称。");
        var facilityIds = (input.FacilityIds ?? []).Distinct().ToList();
        errors.AddIf(facilityIds.Count is 0 or > 200, "facilityIds", "请选择 1 至 200 个设施。");
        var userIds = (input.EvaluatorUserIds ?? []).Distinct().ToList();
        errors.AddIf(userIds.Count is 0 or > 20, "evaluatorUserIds", "请选择 1 至 20 名评估人员。");
        var evaluators = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Role == Role.Evaluator && !u.Disabled)
            .Select(u => u.Id).ToListAsync(ct);
        for (var i = 0; i < userIds.Count; i++)
            errors.AddIf(!evaluators.Contains(userIds[i]), $"evaluatorUserIds[{i}]", "找不到该评估人员（须为在用的第三方评估账号）。");
        var facilities = await db.Facilities.AsNoTracking().InScope(user.Scope).Where(f => facilityIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, ct);
        var templates = new Dictionary<Guid, EvaluationTemplate>();
        for (var i = 0; i < facilityIds.Count; i++)
        {
            if (!facilities.TryGetValue(facilityIds[i], out var f)) { errors.Add($"facilityIds[{i}]", "找不到该设施。"); continue; }
            if (await EvaluationQueries.InForceAsync(round.Year, round.Kind, f.Type, db, ct) is { } t) templates[f.Id] = t;
            else errors.Add($"facilityIds[{i}]", $"“{f.Name}”没有 {round.Year} 年适用的{EvaluationLabels.Of(round.Kind)}模板。");
        }
        if (errors.Any) return Outcome<List<EvaluationResource>>.Invalid(errors);

        var existing = await db.Evaluations.Where(e => e.RoundId == roundId && facilityIds.Contains(e.FacilityId)).ToListAsync(ct);
        if (existing.Any(e => e.Status == EvaluationStatus.Approved)) return Outcome<List<EvaluationResource>>.Conflict(EvaluationScoring.Locked);
        foreach (var e in existing) (e.EvaluatorOrganisation, e.EvaluatorUserIds) = (organisation!, userIds);
        foreach (var id in facilityIds.Where(id => existing.All(e => e.FacilityId != id)))
            db.Evaluations.Add(new Evaluation
            {
                RoundId = roundId, FacilityId = id, UnitCode = facilities[id].UnitCode, TemplateId = templates[id].Id,
                EvaluatorOrganisation = organisation!, EvaluatorUserIds = userIds, Status = EvaluationStatus.Draft,
                AssignedBy = user.UserName ?? "", AssignedAt = clock.UtcNow(),
            });
        if (!await db.SavedAsync(ct)) return Outcome<List<EvaluationResource>>.Conflict(EvaluationQueries.Concurrent);
        return await EvaluationQueries.Resources(db.Evaluations.Where(e => e.RoundId == roundId && facilityIds.Contains(e.FacilityId)), db, ct);
    }
}
