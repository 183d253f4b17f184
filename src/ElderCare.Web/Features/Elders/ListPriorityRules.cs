using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Elders;

/// <summary>The rules in force today and every version before and after (the 重点人群 page and API).</summary>
public static class ListPriorityRules
{
    public static async Task<PriorityRulesResource> Handle(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var all = await db.PriorityRules.AsNoTracking().ToListAsync(ct);
        return new PriorityRulesResource(today,
            PriorityGroups.InForce(all, today).Select(PriorityRuleResource.From).ToList(),
            all.OrderBy(r => r.Group).ThenByDescending(r => r.EffectiveFrom).Select(PriorityRuleResource.From).ToList());
    }
}
