using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Assessments;

/// <summary>
/// 分配评估员: gives the due reassessments of the chosen elders to one assessor, in one act (one audit entry naming the
/// elders). The assessor is an active user whose role may assess elders (Roles AssessElders), read with the same scope
/// rule as an elder (ADR 19): in a town's scope only the town's own officers and the district's third-party evaluators,
/// otherwise "not found"; and the assessor's own scope must cover each elder. Assigning again replaces the assessor.
/// </summary>
public static class AssignReassessments
{
    public const int MaxElders = 200;

    public sealed record Input(List<Guid>? ElderIds, Guid? AssessorId);

    public sealed record Assigned(Guid AssessorId, string AssessorName, int Count, IReadOnlyList<Guid> ElderIds);

    /// <summary>The users one may assign in <paramref name="scope"/>.</summary>
    public static IQueryable<AppUser> Assessors(DataScope scope, AppDbContext db)
    {
        var roles = Roles.Policies.Allowed[Roles.Policies.AssessElders];
        var users = db.Users.AsNoTracking().Where(u => !u.Disabled && roles.Contains(u.Role));
        return scope.Kind switch
        {
            ScopeKind.District => users,
            ScopeKind.Unit => users.Where(u => u.Role == Role.Evaluator || (u.Role == Role.TownOfficer && u.RegionCode == scope.RegionCode)),
            _ => users.Where(_ => false),
        };
    }

    public static async Task<Outcome<Assigned>> Handle(Input input, CurrentUser user, AppDbContext db, AuditLog audit, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var elderIds = (input.ElderIds ?? []).Distinct().ToList();
        errors.AddIf(elderIds.Count is 0 or > MaxElders, "elderIds", $"请勾选 1 至 {MaxElders} 位老年人。");
        errors.AddIf(input.AssessorId is null, "assessorId", "请选择评估员。");
        if (errors.Any) return Outcome<Assigned>.Invalid(errors);

        var elders = await db.Elders.AsNoTracking().InScope(user.Scope, db).Where(e => elderIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        if (elders.Count < elderIds.Count) return Outcome<Assigned>.NotFound("找不到所选的老年人，或不在您的管辖范围内。");
        var assessor = await Assessors(user.Scope, db).FirstOrDefaultAsync(u => u.Id == input.AssessorId, ct);
        if (assessor is null) return Outcome<Assigned>.NotFound("找不到该评估员，或不在您的管辖范围内。");

        var today = clock.Today();
        var assessorScope = DataScope.For(assessor.Role, assessor.RegionCode, new HashSet<Guid>(), assessor.Id);
        for (var i = 0; i < elderIds.Count; i++)
        {
            var e = elders[elderIds[i]];
            errors.AddIf(e.Status != ElderStatus.Active || e.LastAssessedOn is null
                         || !Reassessment.IsOverdue(e.LastAssessedOn.Value, e.ConditionChangedOn, today.AddDays(ListDueReassessments.MaxWithinDays)),
                $"elderIds[{i}]", $"{e.Name}：近期无须重新评估（未评估过，或距下次评估超过 {ListDueReassessments.MaxWithinDays} 天）。");
            errors.AddIf(!assessorScope.Covers(e.RegionCode), "assessorId", $"该评估员的管辖范围不包括{e.Name}所在的区域。");
        }
        if (errors.Any) return Outcome<Assigned>.Invalid(errors);

        var existing = await db.ReassessmentAssignments.Where(a => elderIds.Contains(a.ElderId)).ToDictionaryAsync(a => a.ElderId, ct);
        var now = clock.UtcNow();
        foreach (var id in elderIds)
        {
            var e = elders[id];
            var due = Reassessment.Due(e.LastAssessedOn!.Value, e.ConditionChangedOn);
            if (!existing.TryGetValue(id, out var a))
                db.ReassessmentAssignments.Add(a = new ReassessmentAssignment { ElderId = id, UnitCode = e.UnitCode, AssignedBy = "" });
            (a.AssessorId, a.UnitCode, a.DueOn, a.Reason, a.AssignedOn, a.AssignedAt, a.AssignedBy) =
                (assessor.Id, e.UnitCode, due.On, due.Reason, today, now, user.UserName ?? "");
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two officers assigning the same elder at once: the unique elder index keeps one; say so rather than 500.
            return Outcome<Assigned>.Conflict("所选老年人刚刚被他人分配，请刷新后重试。");
        }
        var name = assessor.DisplayName.Length > 0 ? assessor.DisplayName : assessor.UserName ?? "";
        await audit.AppendAsync(new AuditRecord(user.Id, user.UserName, "assessment.reassessment-assign", $"user/{assessor.Id}",
            AuditOutcome.Success, user.Address,
            $"分配评估员 {name}：{elderIds.Count} 位老年人（{string.Join("、", elderIds.Select(id => elders[id].Name).Take(20))}）"));
        return new Assigned(assessor.Id, name, elderIds.Count, elderIds);
    }
}
