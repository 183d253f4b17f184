using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Features.Shared;
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
    public sealed record Query
    {
        public string? RegionCode { get; init; }
        public string? AgeBand { get; init; }
        public int? Level { get; init; }
        public string? Category { get; init; }
        public string? LivingArrangement { get; init; }
        public bool? NotAssessed { get; init; }
        public bool? AssessmentOverdue { get; init; }
        public string? Status { get; init; }
        public string? Q { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
        public string? Sort { get; init; }
        public string? Dir { get; init; }
    }

    public static readonly string[] AgeBands = ["60-69", "70-79", "80+"];

    /// <summary>The columns the list sorts by (a whitelist, Shared/Sorting.cs); by region, then name, unless asked.</summary>
    public static readonly SortKeys<Elder> Sorting = new SortKeys<Elder>("region")
        .Add("name", e => e.Name)
        .Add("age", e => e.BirthDate, inverted: true)
        .Add("region", e => e.RegionCode)
        .Add("level", e => e.CurrentLevel)
        .Add("lastAssessed", e => e.LastAssessedOn);

    public static Task<Outcome<Paged<ElderRow>>> Handle(Query q, DataScope scope, AppDbContext db, FieldProtector protector,
        TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        return ListPage.Read(q.Page, q.PageSize, errors => Filter(q, scope, db, clock, errors), elders => Sorted(elders, q),
            (page, token) => Read(page, db, protector, today, token), ct);
    }

    /// <summary>The list's order: the chosen column, then name and id, so that pages and exports agree.</summary>
    public static IOrderedQueryable<Elder> Sorted(IQueryable<Elder> elders, Query q) =>
        Sorting.Apply(elders, q.Sort, q.Dir).ThenBy(e => e.Name).ThenBy(e => e.Id);

    /// <summary>The rows with their region's name.</summary>
    public static async Task<List<ElderRow>> Read(IQueryable<Elder> elders, AppDbContext db, FieldProtector protector, DateOnly today,
        CancellationToken ct)
    {
        var page = await elders
            .Select(e => new { Elder = e, RegionName = db.Regions.Where(r => r.Code == e.RegionCode).Select(r => r.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return page.Select(x => ElderRow.From(x.Elder, x.RegionName, protector, today)).ToList();
    }

    /// <summary>The elders in scope matching the filters (the list and its export share it); problems go to <paramref name="errors"/>.</summary>
    public static IQueryable<Elder> Filter(Query q, DataScope scope, AppDbContext db, TimeProvider clock, FieldErrors errors)
    {
        var category = EnumText.Optional<ElderCategory>(q.Category, "category", errors);
        var living = EnumText.Optional<LivingArrangement>(q.LivingArrangement, "livingArrangement", errors);
        var status = EnumText.Optional<ElderStatus>(q.Status, "status", errors) ?? ElderStatus.Active;
        errors.AddIf(q.Level is < 0 or > 4, "level", "能力等级应为 0 至 4。");
        errors.AddIf(q.AgeBand is not null && !AgeBands.Contains(q.AgeBand), "ageBand", "年龄段可选：60-69、70-79、80+。");
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
        return elders;
    }
}
