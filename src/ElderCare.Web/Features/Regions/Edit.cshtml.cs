using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Regions;

/// <summary>The editable figures of a region: name, 社区数 and 行政村数 (streets and towns only), 人口.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.WriteRegions)]
public sealed class RegionEditModel(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "communityCount")] public string? CommunityCount { get; set; }
    [BindProperty(Name = "villageCount")] public string? VillageCount { get; set; }
    [BindProperty(Name = "population")] public string? Population { get; set; }
    [BindProperty(Name = "elderlyPopulation")] public string? ElderlyPopulation { get; set; }

    [BindProperty(Name = "newCode")] public string? NewCode { get; set; }
    [BindProperty(Name = "reason")] public string? Reason { get; set; }
    [BindProperty(Name = "confirm")] public bool Confirm { get; set; }

    public RegionResource? Editing { get; private set; }

    /// <summary>Whether the code form is shown: district users, for a street, town, community or village.</summary>
    public bool CanChangeCode => Editing is { Kind: not RegionKind.District } && Roles.Allows(User, Roles.Policies.ChangeRegionCodes);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await Find(code, ct) is not { } region) return Missing(NoSuchCode);
        Fill(region);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await Find(code, ct) is not { } region) return Missing(NoSuchCode);
        var errors = new FieldErrors();
        var unit = Region.IsUnit(region.Kind);
        var input = new UpdateRegionFigures.Input(Name ?? "",
            unit ? FormValues.Int(VillageCount, "villageCount", errors) : null,
            unit ? FormValues.Int(CommunityCount, "communityCount", errors) : null,
            FormValues.Int(Population, "population", errors),
            FormValues.Int(ElderlyPopulation, "elderlyPopulation", errors));
        if (errors.Any)
        {
            ModelState.AddFieldErrors(errors);
            return Page();
        }
        var outcome = await UpdateRegionFigures.Handle(code, input, user.Scope, db, ct);
        return Show(outcome, r => Saved($"已保存“{r.Name}”的基础数据。", r.Code), NoSuchCode) ?? Page();
    }

    /// <summary>更正区划代码: the second form of the page, with an explicit confirmation (no script needed).</summary>
    public async Task<IActionResult> OnPostCodeAsync(string code, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.ChangeRegionCodes)) return Forbid();
        if (await Find(code, ct) is not { } region) return Missing(NoSuchCode);
        Fill(region);
        if (!Confirm)
        {
            ModelState.AddModelError("confirm", "请勾选确认：更正后，引用原代码的全部数据将随之改为新代码。");
            return Page();
        }
        var outcome = await ChangeRegionCode.Handle(code, new ChangeRegionCode.Input(NewCode, Reason), user, db, audit, clock, ct);
        // A conflict is a code already in use: it belongs beside the new code.
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            ModelState.AddModelError("newCode", outcome.Message!);
            return Page();
        }
        return Show(outcome, r => Saved($"已将“{region.Name}”的区划代码由 {r.OldCode} 更正为 {r.NewCode}；"
                                        + $"随之更正：{ChangeRegionCode.Describe(r.Followed)}。", r.NewCode), NoSuchCode)
            ?? Page();
    }

    private const string NoSuchCode = "没有这个区域代码。";

    private async Task<RegionResource?> Find(string code, CancellationToken ct) =>
        Editing = (await GetRegion.Handle(code, user.Scope, db, ct)).Value;

    private void Fill(RegionResource region)
    {
        Name = region.Name;
        CommunityCount = FormValues.Text(region.CommunityCount);
        VillageCount = FormValues.Text(region.VillageCount);
        Population = FormValues.Text(region.Population);
        ElderlyPopulation = FormValues.Text(region.ElderlyPopulation);
    }

    /// <summary>Back to the regions list, at the street or town of the region.</summary>
    private RedirectResult Saved(string flash, string code)
    {
        return RedirectWithFlash($"/regions#unit-{Region.UnitOf(code) ?? code}", flash);
    }
}
