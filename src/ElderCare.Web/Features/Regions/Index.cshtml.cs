using ElderCare.Web.Features.Access;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Regions;

/// <summary>The district tree (区 → 街道/镇 → 社区/行政村) and the form to register a community or village.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.ReadRegions)]
public sealed class RegionsModel(AppDbContext db, CurrentUser user) : OutcomePageModel
{
    [BindProperty(Name = "parentCode")] public string? ParentCode { get; set; }
    [BindProperty(Name = "kind")] public string? Kind { get; set; }
    [BindProperty(Name = "code")] public string? Code { get; set; }
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "population")] public string? Population { get; set; }
    [BindProperty(Name = "elderlyPopulation")] public string? ElderlyPopulation { get; set; }

    public IReadOnlyList<RegionResource> Regions { get; private set; } = [];

    public RegionResource? District => Regions.FirstOrDefault(r => r.Kind == RegionKind.District);
    public IEnumerable<RegionResource> Units => Regions.Where(r => Region.IsUnit(r.Kind));
    public IEnumerable<RegionResource> ChildrenOf(string code) => Regions.Where(r => r.ParentCode == code);

    public async Task OnGetAsync(string? parentCode, CancellationToken ct)
    {
        ParentCode = parentCode;
        Kind = "community";
        Regions = await ListRegions.Handle(null, user.Scope, db, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.WriteRegions)) return Forbid();
        var errors = new FieldErrors();
        var input = new RegisterRegion.Input(Code, Name, Kind, ParentCode,
            FormValues.Int(Population, "population", errors), FormValues.Int(ElderlyPopulation, "elderlyPopulation", errors));
        if (!errors.Any)
        {
            var outcome = await RegisterRegion.Handle(input, user.Scope, db, ct);
            if (outcome.IsOk)
            {
                var added = outcome.Value!;
                return RedirectWithFlash($"/regions#unit-{added.ParentCode}", $"已新增{Labels.Of(added.Kind)}“{added.Name}”（{added.Code}）。");
            }
            if (outcome.Kind == OutcomeKind.Conflict) errors.Add("code", outcome.Message!);
            else outcome.Errors!.MergeInto(errors);
        }
        ModelState.AddFieldErrors(errors);
        Regions = await ListRegions.Handle(null, user.Scope, db, ct);
        return Page();
    }

    public static IEnumerable<RegionKind> AddableKinds => [RegionKind.Community, RegionKind.Village];

    public static string KindText(RegionKind kind) => EnumText.Of(kind);
}
