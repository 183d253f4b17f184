using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Tasks;

/// <summary>The duty list of a street or town (责任清单, 三(一)): duties by role, escalation levels, responsible persons' loads.</summary>
[Authorize(Policy = Roles.Policies.ReadTasks)]
public sealed class DutiesModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(SupportsGet = true, Name = "unitCode")] public string? UnitCode { get; set; }

    public DutyList? List { get; private set; }
    public IReadOnlyList<RegionChoice> RegionChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        RegionChoices = RegionChoice.Of(await ListRegions.Handle(null, user.Scope, db, ct));
        return Show(await ListDuties.Handle(UnitCode, user.Scope, db, clock, ct), list =>
        {
            List = list;
            return Page();
        })!;
    }
}
