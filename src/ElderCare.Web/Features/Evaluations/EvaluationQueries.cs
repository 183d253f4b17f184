using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evaluations;

public static class EvaluationQueries
{
    public const string NotFound = "未找到该评估，或不在您的管辖范围内。";

    /// <summary>
    /// Sheets the user may see (三(二)(三), ADR 0019): an evaluator only the sheets assigned to them, an operator its own
    /// facilities', a town officer its street's or town's, the district all.
    /// </summary>
    public static IQueryable<Evaluation> InScope(this IQueryable<Evaluation> sheets, CurrentUser user)
    {
        if (user.Role == Role.Evaluator)
            return user.Id is { } id ? sheets.Where(e => e.EvaluatorUserIds.Contains(id)) : sheets.Where(e => false);
        if (user.Role == Role.Auditor) return sheets.Where(e => false);
        var scope = user.Scope;
        return scope.Kind switch
        {
            ScopeKind.District => sheets,
            ScopeKind.Unit => sheets.Where(e => e.UnitCode == scope.RegionCode),
            ScopeKind.Facilities => sheets.Where(e => scope.FacilityIds.Contains(e.FacilityId)),
            _ => sheets.Where(e => false),
        };
    }

    /// <summary>
    /// The sheet to change (tracked, with its scores) in the user's scope; else why not: missing or outside the scope is
    /// not found, an approved sheet is locked (409, <see cref="EvaluationScoring.Locked"/>).
    /// </summary>
    public static async Task<(Evaluation? Sheet, Outcome<EvaluationResource>? Refusal)> ChangeableAsync(Guid id, CurrentUser user,
        AppDbContext db, CancellationToken ct)
    {
        var sheet = await db.Evaluations.InScope(user).Include(e => e.Scores).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (sheet is null) return (null, Outcome<EvaluationResource>.NotFound(NotFound));
        if (sheet.Status == EvaluationStatus.Approved) return (null, Outcome<EvaluationResource>.Conflict(EvaluationScoring.Locked));
        return (sheet, null);
    }

    /// <summary>The template in force for a year (三(二)(三), versioned by year): that kind, the facility's type (else the
    /// template for every type), the latest year not after it.</summary>
    public static Task<EvaluationTemplate?> InForceAsync(int year, EvaluationKind kind, FacilityType type, AppDbContext db,
        CancellationToken ct) =>
        db.EvaluationTemplates.AsNoTracking()
            .Where(t => t.Kind == kind && t.Year <= year && (t.FacilityType == type || t.FacilityType == null))
            .OrderByDescending(t => t.FacilityType != null).ThenByDescending(t => t.Year).FirstOrDefaultAsync(ct);

    /// <summary>The resource of sheets already filtered and paged, with their rounds, templates and facility names.</summary>
    internal static async Task<List<EvaluationResource>> Resources(IQueryable<Evaluation> sheets, AppDbContext db, CancellationToken ct)
    {
        var list = await sheets.AsNoTracking().Include(e => e.Scores).ToListAsync(ct);
        var roundIds = list.Select(e => e.RoundId).Distinct().ToList();
        var templateIds = list.Select(e => e.TemplateId).Distinct().ToList();
        var facilityIds = list.Select(e => e.FacilityId).Distinct().ToList();
        var rounds = await db.EvaluationRounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var templates = await db.EvaluationTemplates.AsNoTracking().Where(t => templateIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var names = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        return list.Select(e => EvaluationResource.From(e, rounds[e.RoundId], templates[e.TemplateId], names.GetValueOrDefault(e.FacilityId, "")))
            .ToList();
    }

    /// <summary>
    /// Saves a change of a sheet: a concurrent change (the Version token) or a duplicate (one sheet per facility and round,
    /// one result per facility, year and kind) is a conflict (409), never a 500.
    /// </summary>
    internal static async Task<Outcome<EvaluationResource>> SaveAsync(Evaluation sheet, AppDbContext db, CancellationToken ct) =>
        await db.SavedAsync(ct) ? await Resource(sheet.Id, db, ct) : Outcome<EvaluationResource>.Conflict(Concurrent);

    public const string Concurrent = "评估已被他人修改，请刷新后重试。";

    internal static async Task<Outcome<EvaluationResource>> Resource(Guid id, AppDbContext db, CancellationToken ct) =>
        (await Resources(db.Evaluations.Where(e => e.Id == id), db, ct)).Single();
}

/// <summary>The choices of the district's assignment form (三(二)(三)): facilities by name, active evaluator accounts.</summary>
public static class EvaluationChoices
{
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> Facilities(DataScope scope, AppDbContext db, CancellationToken ct) =>
        (await db.Facilities.AsNoTracking().InScope(scope).OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).Take(500).ToListAsync(ct))
            .Select(f => (f.Id, f.Name)).ToList();

    public static async Task<IReadOnlyList<(Guid Id, string Name)>> Evaluators(AppDbContext db, CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => u.Role == Role.Evaluator && !u.Disabled).OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName }).Take(200).ToListAsync(ct))
            .Select(u => (u.Id, $"{u.DisplayName}（{u.UserName}）")).ToList();
}
