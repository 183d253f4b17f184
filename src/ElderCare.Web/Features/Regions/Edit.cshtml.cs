using ElderCare.Web.Features.Access;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Regions;

/// <summary>The editable figures of a region: name, 社区数 and 行政村数 (streets and towns only), 人口.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.WriteRegions)]
public sealed class RegionEditModel(AppDbContext db, CurrentUser user) : PageModel
{
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "communityCount")] public string? CommunityCount { get; set; }
    [BindProperty(Name = "villageCount")] public string? VillageCount { get; set; }
    [BindProperty(Name = "population")] public string? Population { get; set; }
    [BindProperty(Name = "elderlyPopulation")] public string? ElderlyPopulation { get; set; }

    public RegionResource? Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await Find(code, ct) is not { } region) return NotFoundPage();
        Name = region.Name;
        CommunityCount = FormValues.Text(region.CommunityCount);
        VillageCount = FormValues.Text(region.VillageCount);
        Population = FormValues.Text(region.Population);
        ElderlyPopulation = FormValues.Text(region.ElderlyPopulation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await Find(code, ct) is not { } region) return NotFoundPage();
        var errors = new FieldErrors();
        var unit = Region.IsUnit(region.Kind);
        var input = new UpdateRegionFigures.Input(Name ?? "",
            unit ? FormValues.Int(VillageCount, "villageCount", errors) : null,
            unit ? FormValues.Int(CommunityCount, "communityCount", errors) : null,
            FormValues.Int(Population, "population", errors),
            FormValues.Int(ElderlyPopulation, "elderlyPopulation", errors));
        if (!errors.Any)
        {
            var outcome = await UpdateRegionFigures.Handle(code, input, user.Scope, db, ct);
            if (outcome.IsOk)
            {
                TempData["Flash"] = $"已保存“{outcome.Value!.Name}”的基础数据。";
                return Redirect($"/regions#unit-{Region.UnitOf(code) ?? code}");
            }
            if (outcome.Kind == OutcomeKind.NotFound) return NotFoundPage();
            outcome.Errors!.MergeInto(errors);
        }
        ModelState.AddFieldErrors(errors);
        return Page();
    }

    private async Task<RegionResource?> Find(string code, CancellationToken ct) =>
        Editing = user.Scope.Covers(code) ? await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => RegionResource.From(r)).FirstOrDefaultAsync(ct) : null;

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
