using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Elders;

public sealed record PriorityElderRow(ElderRow Elder, IReadOnlyList<PriorityGroupInfo> Groups);

public static class ListPriorityElders
{
    /// <summary>
    /// 一、工作目标: 优先满足高龄、失能、特殊困难老年人. The SQL selects anyone who may be in a group (the
    /// <see cref="PriorityGroups"/> rules, written as a filter); each row then shows its groups and their rules.
    /// </summary>
    public static async Task<Outcome<Paged<PriorityElderRow>>> Handle(string? regionCode, string? group, int? page, int? pageSize,
        DataScope scope, AppDbContext db, FieldProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var only = EnumText.Optional<PriorityGroup>(group, "group", errors);
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Outcome<Paged<PriorityElderRow>>.Invalid(errors);

        var today = clock.Today();
        var rules = await PriorityRules.InForce(db, today, ct);
        var elders = db.Elders.AsNoTracking().InScope(scope, db).Where(e => e.Status == ElderStatus.Active)
            .InRegion(regionCode).InPriorityGroup(today, rules, only);
        var total = await elders.CountAsync(ct);
        var list = await elders.OrderBy(e => e.LastAssessedOn != null).ThenBy(e => e.RegionCode).ThenBy(e => e.Name)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(e => new { Elder = e, RegionName = db.Regions.Where(r => r.Code == e.RegionCode).Select(r => r.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var rows = list.Select(x =>
        {
            var e = x.Elder;
            var row = ElderRow.From(e, x.RegionName, protector, today);
            return new PriorityElderRow(row, PriorityGroups.Of(new PriorityFacts(row.Age, e.LivingArrangement, e.Categories, e.CurrentLevel), rules));
        }).ToList();
        return new Paged<PriorityElderRow>(rows, paging.Page, paging.PageSize, total);
    }
}
