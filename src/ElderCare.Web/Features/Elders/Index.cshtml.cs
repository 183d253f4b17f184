using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
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
public sealed class ElderListModel(AppDbContext db, FieldProtector protector, TimeProvider clock, CurrentUser user) : PageModel
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
    public Paged<ElderRow> Result { get; private set; } = null!;

    public bool Filtered => new[] { RegionCode, AgeBand, Level, Category, LivingArrangement, NotAssessed, AssessmentOverdue, Status, Q }
        .Any(v => !string.IsNullOrWhiteSpace(v));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var regions = await ListRegions.Handle(null, user.Scope, db, ct);
        RegionChoices = RegionChoice.Of(regions);

        var errors = new FieldErrors();
        int? level = null;
        if (FormValues.Trimmed(Level) is { } text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l)) level = l;
            else errors.Add("level", "能力等级应为 0 至 4。");
        }
        var query = new ListElders.Query(RegionCode, FormValues.Trimmed(AgeBand), level, FormValues.Trimmed(Category),
            FormValues.Trimmed(LivingArrangement),
            NotAssessed == "true" ? true : null, AssessmentOverdue == "true" ? true : null, FormValues.Trimmed(Status), Q,
            Paging.PageNumber(Request), PageRequest.DefaultPageSize);
        var outcome = await ListElders.Handle(query, user.Scope, db, protector, clock, ct);
        if (!outcome.IsOk || errors.Any)
        {
            // A hand-edited link with a bad filter: say which one, and list by name and region only.
            if (outcome.Errors is { } e) e.MergeInto(errors);
            ModelState.AddFieldErrors(errors);
            outcome = await ListElders.Handle(
                new ListElders.Query(RegionCode, null, null, null, null, null, null, null, Q, 1, PageRequest.DefaultPageSize),
                user.Scope, db, protector, clock, ct);
        }
        Result = outcome.Value!;
    }

    public Pager ListPager() => new(Result.Page, Result.PageCount, Result.Total, UrlFor);

    /// <summary>The same filters on another page.</summary>
    private string UrlFor(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["regionCode"] = RegionCode, ["ageBand"] = AgeBand, ["level"] = Level, ["category"] = Category, ["livingArrangement"] = LivingArrangement,
            ["notAssessed"] = NotAssessed, ["assessmentOverdue"] = AssessmentOverdue, ["status"] = Status, ["q"] = Q,
            ["page"] = page.ToString(CultureInfo.InvariantCulture),
        };
        return "/elders" + QueryString.Create(query.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
    }
}
