using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;

namespace ElderCare.Web.Features.Plan;

/// <summary>What the plan page shows: the streets and towns in scope, and the plan rows with their checks.</summary>
public sealed record PlanOverview(IReadOnlyList<RegionResource> Units, IReadOnlyList<PlanLine> Lines, IReadOnlyList<PlanTotalCheck> Checks);

public static class GetPlanPage
{
    /// <summary>
    /// The street and town units the user sees (ListRegions), and the plan under the user's region prefix (GetPlan);
    /// a user with no region prefix gets the prefix "-", which matches no plan rows.
    /// </summary>
    public static async Task<PlanOverview> Handle(DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var units = (await ListRegions.Handle(null, scope, db, ct)).Where(r => Region.IsUnit(r.Kind)).ToList();
        var plan = await GetPlan.Handle(scope.RegionPrefix ?? "-", db, ct);
        return new PlanOverview(units, plan.Lines, plan.Checks);
    }
}
