using Microsoft.EntityFrameworkCore;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ElderCare.Web.Features.Shared;

namespace ElderCare.Web.Features.Elders;

[Authorize(Policy = Roles.Policies.ReadElders)]
public sealed class ElderDetailsModel(AppDbContext db, FieldProtector protector, TimeProvider clock, CurrentUser user) : OutcomePageModel
{
    public ElderResource Elder { get; private set; } = null!;
    public IReadOnlyList<AssessmentResult> History { get; private set; } = [];
    public IReadOnlyList<SecondaryAssessmentResult> Secondary { get; private set; } = [];
    public IReadOnlyList<PriorityGroupInfo> Groups { get; private set; } = [];

    /// <summary>"昌元街道 · 某社区", or the street or town alone.</summary>
    public string RegionName { get; private set; } = "";

    public DateOnly Today { get; private set; }

    /// <summary>The meal record (助餐档案), read only for roles that may read meals; null when there is none.</summary>
    public Meals.MealProfileResource? MealProfile { get; private set; }

    public string? MealPointName { get; private set; }
    public bool CanReadMeals { get; private set; }

    /// <summary>Reassessment.IsOverdue: from the due day on (12 months, or at once after a change of condition).</summary>
    public bool AssessmentOverdue => Elder.NextAssessmentDue is { } due && due <= Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await GetElder.Handle(id, user.Scope, db, protector, clock, ct);
        if (!outcome.IsOk) return Missing(outcome.Message);
        Elder = outcome.Value!;
        Today = clock.Today();
        History = (await ListAssessments.Handle(id, user.Scope, db, ct)).Value ?? [];
        Secondary = (await ListSecondaryAssessments.Handle(id, user.Scope, db, ct)).Value ?? [];
        Groups = PriorityGroups.Of(new PriorityFacts(Elder.Age, Elder.LivingArrangement, Elder.Categories.ToList(), Elder.CurrentLevel),
            await PriorityRules.InForce(db, Today, ct));
        var regions = await ListRegions.Handle(Region.UnitOf(Elder.RegionCode), user.Scope, db, ct);
        RegionName = string.Join(" · ", regions.Where(r => Elder.RegionCode.StartsWith(r.Code, StringComparison.Ordinal)).Select(r => r.Name));
        if (RegionName.Length == 0) RegionName = Elder.RegionCode;
        CanReadMeals = Roles.Allows(User, Roles.Policies.ReadMeals);
        if (CanReadMeals && (await Meals.GetMealProfile.Handle(id, user.Scope, db, ct)).Value is { } meal)
        {
            MealProfile = meal;
            MealPointName = await Meals.GetDiningPointName.Handle(meal.DiningPointId, db, ct);
        }
        return Page();
    }
}
