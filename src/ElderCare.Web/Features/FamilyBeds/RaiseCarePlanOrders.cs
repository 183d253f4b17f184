using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.FamilyBeds;

/// <summary>
/// The care plan raises the month's visits: n orders on days spread evenly over the month at the plan's hour,
/// lasting the item's standard duration (at least an hour's window), skipping days already past. Once per month.
/// </summary>
public static class RaiseCarePlanOrders
{
    public static async Task<Outcome<PlanKept>> Handle(Guid id, string? month, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var bed = await db.FamilyCareBeds.AsNoTracking().InScope(user.Scope).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (bed is null) return Outcome<PlanKept>.NotFound("找不到该家庭养老床位，或不在您的管辖范围内。");
        var m = string.IsNullOrWhiteSpace(month) ? ServiceTime.Month(clock.UtcNow()) : ServiceTime.ParseMonth(month);
        if (m is null) return Outcome<PlanKept>.Invalid("month", "月份格式为 yyyy-MM，如 2026-12。");
        if (bed.EndedOn is not null) return Outcome<PlanKept>.Conflict("该床位协议已终止。");
        if (await db.ServiceOrders.AnyAsync(o => o.FamilyBedId == bed.Id && o.ServiceMonth == m, ct))
            return Outcome<PlanKept>.Conflict($"{ServiceTime.MonthText(m.Value)} 的上门服务已生成。");
        var item = await db.ServiceItems.AsNoTracking().FirstAsync(i => i.Id == bed.ServiceItemId, ct);
        var provider = await db.ServiceProviders.AsNoTracking().Where(p => p.FacilityId == bed.FacilityId).Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync(ct);
        var first = new DateOnly(m.Value / 100, m.Value % 100, 1);
        var days = DateTime.DaysInMonth(first.Year, first.Month);
        var now = clock.UtcNow();
        // The month's visits are made together or not at all: a refused visit must not leave half a plan that the
        // "already generated" check above would then block from completing.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var day in PlanDays(bed.VisitsPerMonth, days))
        {
            var start = ServiceTime.Utc(first.AddDays(day - 1).ToDateTime(new TimeOnly(bed.VisitHour, 0)));
            var end = start.AddMinutes(Math.Max(60, item.StandardMinutes));
            if (end < now) continue;
            var order = new RaiseOrder.Input(bed.ElderId, item.Id, new DateTimeOffset(start), new DateTimeOffset(end), provider,
                OrderChannel.CarePlan);
            var outcome = await RaiseOrder.Handle(order, user, db, clock, ct, bed.Id);
            if (!outcome.IsOk)
                return Outcome<PlanKept>.Invalid(outcome.Errors ?? new FieldErrors().Add("month", outcome.Message ?? "无法生成上门服务。"));
        }
        await tx.CommitAsync(ct);
        return (await GetFamilyBed.Handle(bed.Id, m.Value, user.Scope, db, ct)).Value!.Month;
    }

    /// <summary>Days 1…n of the month for n visits spread evenly (pure).</summary>
    public static IReadOnlyList<int> PlanDays(int visits, int daysInMonth) =>
        Enumerable.Range(0, Math.Min(visits, daysInMonth)).Select(i => 1 + i * daysInMonth / Math.Min(visits, daysInMonth)).ToList();
}
