using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Elders;

[Authorize(Policy = Roles.Policies.ReadElders)]
public sealed class ElderListModel(AppDbContext db, FieldProtector protector, TimeProvider clock, CurrentUser user, AuditLog audit)
    : ListPageModel<ElderRow>
{
    [BindProperty(SupportsGet = true, Name = "regionCode")] public string? RegionCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "ageBand")] public string? AgeBand { get; set; }
    [BindProperty(SupportsGet = true, Name = "level")] public string? Level { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "livingArrangement")] public string? LivingArrangement { get; set; }
    [BindProperty(SupportsGet = true, Name = "notAssessed")] public string? NotAssessed { get; set; }
    [BindProperty(SupportsGet = true, Name = "assessmentOverdue")] public string? AssessmentOverdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }

    public IReadOnlyList<RegionChoice> RegionChoices { get; private set; } = [];

    public bool Filtered => new[] { RegionCode, AgeBand, Level, Category, LivingArrangement, NotAssessed, AssessmentOverdue, Status, Q }
        .Any(v => !string.IsNullOrWhiteSpace(v));

    public override ListLinks Links => new("/elders", new Dictionary<string, string?>
    {
        ["regionCode"] = RegionCode, ["ageBand"] = AgeBand, ["level"] = Level, ["category"] = Category, ["livingArrangement"] = LivingArrangement,
        ["notAssessed"] = NotAssessed, ["assessmentOverdue"] = AssessmentOverdue, ["status"] = Status, ["q"] = Q,
    }, ListElders.Sorting.Resolve(Sort, Dir), ListElders.Sorting.Default);

    /// <summary>The export reads from the reports replica when there is one (ADR 32); the list itself reads the primary.</summary>
    public async Task<IActionResult> OnGetExportAsync([FromKeyedServices(ReadReplica.Key)] AppDbContext reports, CancellationToken ct)
    {
        var (query, errors) = Query();
        return await FileOrListAsync(errors.Any ? null : await ExportElders.Handle(query, user, reports, protector, audit, clock, ct), errors,
            () => OnGetAsync(ct));
    }

    private (ListElders.Query Query, FieldErrors Errors) Query()
    {
        var errors = new FieldErrors();
        int? level = null;
        if (FormValues.Trimmed(Level) is { } text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l)) level = l;
            else errors.Add("level", "能力等级应为 0 至 4。");
        }
        return (new ListElders.Query
        {
            RegionCode = RegionCode, AgeBand = FormValues.Trimmed(AgeBand), Level = level, Category = FormValues.Trimmed(Category),
            LivingArrangement = FormValues.Trimmed(LivingArrangement), NotAssessed = NotAssessed == "true" ? true : null,
            AssessmentOverdue = AssessmentOverdue == "true" ? true : null, Status = FormValues.Trimmed(Status), Q = Q,
            Page = Paging.PageNumber(Request), PageSize = PageRequest.DefaultPageSize, Sort = Sort, Dir = Dir,
        }, errors);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var regions = await ListRegions.Handle(null, user.Scope, db, ct);
        RegionChoices = RegionChoice.Of(regions);

        var (query, errors) = Query();
        // A hand-edited link with a bad filter: say which one, and list by name and region only.
        await ShowAsync(await ListElders.Handle(query, user.Scope, db, protector, clock, ct), errors, () => ListElders.Handle(
            new ListElders.Query { RegionCode = RegionCode, Q = Q, Page = 1, PageSize = PageRequest.DefaultPageSize, Sort = Sort, Dir = Dir },
            user.Scope, db, protector, clock, ct));
    }
}
