using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Elders;

public sealed record ElderRow(Guid Id, string Name, string IdNumber, Sex Sex, int Age, string RegionCode, string? RegionName,
    LivingArrangement LivingArrangement, IReadOnlyList<ElderCategory> Categories, int? CurrentLevel, DateOnly? LastAssessedOn, ElderStatus Status)
{
    /// <summary>A list row: the ID number masked, the age on the day.</summary>
    public static ElderRow From(Elder e, string? regionName, FieldProtector protector, DateOnly today) => new(
        e.Id, e.Name, Masking.IdNumber(protector.Unprotect(e.IdNumberProtected))!, e.Sex, Elders.IdNumber.Age(e.BirthDate, today), e.RegionCode,
        regionName, e.LivingArrangement, e.Categories, e.CurrentLevel, e.LastAssessedOn, e.Status);
}

public static class ListElders
{
    public sealed record Query(string? RegionCode, string? AgeBand, int? Level, string? Category, string? LivingArrangement,
        bool? NotAssessed, bool? AssessmentOverdue, string? Status, string? Q, int? Page, int? PageSize);

    public static readonly string[] AgeBands = ["60-69", "70-79", "80+"];

    public static async Task<Outcome<Paged<ElderRow>>> Handle(Query q, DataScope scope, AppDbContext db, FieldProtector protector,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(q.Page, q.PageSize, errors);
        var category = EnumText.Optional<ElderCategory>(q.Category, "category", errors);
        var living = EnumText.Optional<LivingArrangement>(q.LivingArrangement, "livingArrangement", errors);
        var status = EnumText.Optional<ElderStatus>(q.Status, "status", errors) ?? ElderStatus.Active;
        errors.AddIf(q.Level is < 0 or > 4, "level", "能力等级应为 0 至 4。");
        errors.AddIf(q.AgeBand is not null && !AgeBands.Contains(q.AgeBand), "ageBand", "年龄段可选：60-69、70-79、80+。");
        if (errors.Any) return Outcome<Paged<ElderRow>>.Invalid(errors);

        var today = clock.Today();
        var elders = db.Elders.AsNoTracking().InScope(scope, db).Where(e => e.Status == status);
        elders = elders.InRegion(q.RegionCode);
        elders = q.AgeBand switch
        {
            "60-69" => elders.Where(e => e.BirthDate > today.AddYears(-70)),
            "70-79" => elders.Where(e => e.BirthDate <= today.AddYears(-70) && e.BirthDate > today.AddYears(-80)),
            "80+" => elders.Where(e => e.BirthDate <= today.AddYears(-80)),
            _ => elders,
        };
        if (q.Level is { } level) elders = elders.Where(e => e.CurrentLevel == level);
        if (category is { } c) elders = elders.Where(e => e.Categories.Contains(c));
        if (living is { } l) elders = elders.Where(e => e.LivingArrangement == l);
        if (q.NotAssessed == true) elders = elders.Where(e => e.LastAssessedOn == null);
        if (q.AssessmentOverdue == true)
        {
            var dueBefore = today.AddMonths(-Reassessment.CycleMonths);
            elders = elders.Where(e => e.LastAssessedOn != null && (e.LastAssessedOn <= dueBefore || e.ConditionChangedOn > e.LastAssessedOn));
        }
        if (!string.IsNullOrWhiteSpace(q.Q)) elders = elders.Where(e => e.Name.Contains(q.Q.Trim()));

        var total = await elders.CountAsync(ct);
        var page = await elders.OrderBy(e => e.RegionCode).ThenBy(e => e.Name).Skip(paging.Skip).Take(paging.PageSize)
            .Select(e => new { Elder = e, RegionName = db.Regions.Where(r => r.Code == e.RegionCode).Select(r => r.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var rows = page.Select(x => ElderRow.From(x.Elder, x.RegionName, protector, today)).ToList();
        return new Paged<ElderRow>(rows, paging.Page, paging.PageSize, total);
    }
}
