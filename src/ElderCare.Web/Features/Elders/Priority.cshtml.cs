using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Elders;

/// <summary>
/// 重点老年人名单: each town officer sees the elders of their street or town who are served first (一、工作目标:
/// 优先满足高龄、失能、特殊困难等老年人), each with the groups they are in and the rule that put them there.
/// </summary>
[Authorize(Policy = Roles.Policies.ReadElders)]
public sealed class ElderPriorityModel(AppDbContext db, FieldProtector protector, TimeProvider clock, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "regionCode")] public string? RegionCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "group")] public string? Group { get; set; }

    public IReadOnlyList<RegionChoice> RegionChoices { get; private set; } = [];
    public Paged<PriorityElderRow> Result { get; private set; } = null!;

    /// <summary>"昌元街道（500153001）" when the user's scope is one street or town.</summary>
    public string? ScopeName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var regions = await ListRegions.Handle(null, user.Scope, db, ct);
        RegionChoices = RegionChoice.Of(regions);
        if (user.Scope.Kind == ScopeKind.Unit) ScopeName = regions.FirstOrDefault(r => r.Code == user.Scope.RegionCode)?.Name;

        var page = Paging.PageNumber(Request);
        var outcome = await ListPriorityElders.Handle(
            RegionCode, FormValues.Trimmed(Group), page, PageRequest.DefaultPageSize, user.Scope, db, protector, clock, ct);
        if (!outcome.IsOk)
        {
            ModelState.AddFieldErrors(outcome.Errors!);
            outcome = await ListPriorityElders.Handle(RegionCode, null, 1, PageRequest.DefaultPageSize, user.Scope, db, protector, clock, ct);
        }
        Result = outcome.Value!;
    }

    public Pager ListPager() => new(Result.Page, Result.PageCount, Result.Total, UrlFor);

    private string UrlFor(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["regionCode"] = RegionCode, ["group"] = Group, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return "/elders/priority" + QueryString.Create(query.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
    }
}
