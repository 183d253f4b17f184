using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

public static class SupervisionQueries
{
    public const string InspectionNotFound = "未找到该检查记录，或不在您的管辖范围内。";
    public const string FindingNotFound = "未找到该问题，或不在您的管辖范围内。";
    public const string RoundNotFound = "未找到该督导批次。";
    public const string FacilityNotFound = "未找到该设施，或不在您的管辖范围内。";
    public const string Concurrent = "该问题已被他人处理，请刷新后重试。";

    /// <summary>Inspections the user may see (ADR 0019): the district, evaluators and auditors all; a town its unit's; an operator its own.</summary>
    public static IQueryable<Inspection> InScope(this IQueryable<Inspection> rows, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => rows,
        ScopeKind.Unit => rows.Where(i => i.UnitCode == scope.RegionCode),
        ScopeKind.Facilities => rows.Where(i => scope.FacilityIds.Contains(i.FacilityId)),
        _ => rows.Where(i => false),
    };

    /// <summary>Findings the user may see, by the same rule as their facility.</summary>
    public static IQueryable<SupervisionFinding> InScope(this IQueryable<SupervisionFinding> rows, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => rows,
        ScopeKind.Unit => rows.Where(i => i.UnitCode == scope.RegionCode),
        ScopeKind.Facilities => rows.Where(i => scope.FacilityIds.Contains(i.FacilityId)),
        _ => rows.Where(i => false),
    };

    internal static async Task<List<InspectionResource>> Inspections(IQueryable<Inspection> rows, AppDbContext db, CancellationToken ct)
    {
        var list = await rows.AsNoTracking().ToListAsync(ct);
        var roundIds = list.Select(i => i.RoundId).Distinct().ToList();
        var rounds = await db.SupervisionRounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var checklistIds = rounds.Values.Select(r => r.ChecklistId).Distinct().ToList();
        var checklists = await db.SupervisionChecklists.AsNoTracking().Where(c => checklistIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var names = await Names(list.Select(i => i.FacilityId), db, ct);
        return list.Select(i =>
        {
            var round = rounds[i.RoundId];
            var items = checklists[round.ChecklistId].Items.ToDictionary(x => x.Code, StringComparer.Ordinal);
            var results = i.Results.Select(r => new InspectionResultResource(r.ItemCode, items.GetValueOrDefault(r.ItemCode)?.Group,
                items.GetValueOrDefault(r.ItemCode)?.Text ?? r.ItemCode, r.Result, r.Note)).ToList();
            return new InspectionResource(i.Id, i.RoundId, SupervisionRoundResource.From(round).Name, i.FacilityId,
                names.GetValueOrDefault(i.FacilityId, ""), i.UnitCode, i.Inspector, i.InspectedOn, i.InspectedAt, results,
                results.Count(r => r.Result == ItemResult.Fail), i.RecordedBy);
        }).ToList();
    }

    internal static async Task<List<FindingResource>> Findings(IQueryable<SupervisionFinding> rows, AppDbContext db, DateTime now,
        CancellationToken ct)
    {
        var list = await rows.AsNoTracking().ToListAsync(ct);
        var names = await Names(list.Select(f => f.FacilityId), db, ct);
        var roundIds = list.Select(f => f.RoundId).Distinct().ToList();
        var checklistOfRound = await db.SupervisionRounds.AsNoTracking().Where(r => roundIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.ChecklistId, ct);
        var checklistIds = checklistOfRound.Values.Distinct().ToList();
        var texts = (await db.SupervisionChecklists.AsNoTracking().Where(c => checklistIds.Contains(c.Id)).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => c.Items.ToDictionary(i => i.Code, i => i.Text, StringComparer.Ordinal));
        return list.Select(f => new FindingResource(f.Id, f.InspectionId, f.RoundId, f.FacilityId, names.GetValueOrDefault(f.FacilityId, ""),
            f.UnitCode, f.ItemCode, f.ItemCode is null ? null : texts[checklistOfRound[f.RoundId]].GetValueOrDefault(f.ItemCode, f.ItemCode),
            f.Description, f.Severity, f.RaisedAt, f.RaisedBy, f.DueAt, f.Status, SupervisionRules.Overdue(f.Status, f.DueAt, now), f.Repeated,
            f.RectifiedLate, f.EvidenceIds, f.Events.Select(e => new FindingEventResource(e.Act, e.At, e.By, e.Note, e.EvidenceIds, e.DueAt))
                .ToList(), f.Version)).ToList();
    }

    private static async Task<Dictionary<Guid, string>> Names(IEnumerable<Guid> ids, AppDbContext db, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Facilities.AsNoTracking().Where(f => wanted.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
    }

    /// <summary>
    /// Evidence ids given for a finding: each must be a file of the finding's facility (ADR 0019: another facility's file reads
    /// as missing), at most 20; errors go under <paramref name="field"/>[n].
    /// </summary>
    internal static async Task<List<Guid>> Evidence(List<Guid>? ids, Guid facilityId, string field, FieldErrors errors, AppDbContext db,
        CancellationToken ct)
    {
        var given = ids ?? [];
        errors.AddIf(given.Count > 20, field, "最多 20 份佐证材料。");
        var wanted = given.Distinct().ToList();
        var known = wanted.Count == 0 ? [] : await db.EvidenceFiles.AsNoTracking()
            .Where(f => wanted.Contains(f.Id) && f.FacilityId == facilityId).Select(f => f.Id).ToListAsync(ct);
        for (var k = 0; k < given.Count; k++)
            errors.AddIf(!known.Contains(given[k]), $"{field}[{k}]", "找不到该佐证材料（须为本设施上传的照片或文件）。");
        return wanted;
    }

    /// <summary>Facilities in scope for the inspection form, by name.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> FacilityChoices(DataScope scope, AppDbContext db, CancellationToken ct) =>
        (await db.Facilities.AsNoTracking().InScope(scope).OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).Take(1000).ToListAsync(ct))
            .Select(f => (f.Id, f.Name)).ToList();
}
