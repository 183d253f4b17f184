using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>Meals of a month, their price and how it splits into subsidy and the elder's own share (fen);
/// <c>UnconfirmedMeals</c>: meals whose subsidy rests on a rate the district has not confirmed (待确认, ADR 0023).</summary>
public sealed record MealBillingLine(int Meals, int Eaten, long PriceFen, long SubsidyFen, long OwnShareFen, int UnconfirmedMeals = 0)
{
    public static readonly MealBillingLine Zero = new(0, 0, 0, 0, 0);

    public bool Unconfirmed => UnconfirmedMeals > 0;

    public MealBillingLine Plus(MealBillingLine o) =>
        new(Meals + o.Meals, Eaten + o.Eaten, PriceFen + o.PriceFen, SubsidyFen + o.SubsidyFen, OwnShareFen + o.OwnShareFen,
            UnconfirmedMeals + o.UnconfirmedMeals);
}

public sealed record MealBillingPoint(Guid DiningPointId, string Name, MealBillingLine Line);

public sealed record MealBillingElder(Guid ElderId, string ElderName, Guid DiningPointId, string DiningPointName, MealBillingLine Line);

public sealed record MealBilling(string Month, DateOnly From, DateOnly To, Guid? DiningPointId, MealBillingLine Total,
    IReadOnlyList<MealBillingPoint> DiningPoints, IReadOnlyList<MealBillingElder> Elders);

/// <summary>
/// Monthly meal billing per dining point and per elder: every order of the month that was not cancelled, at the price
/// and subsidy fixed when it was ordered; "eaten" counts the check-ins and deliveries among them.
/// </summary>
public static class GetMealBilling
{
    /// <summary>"2026-11" → the month's first day; empty → the current month (China time).</summary>
    public static DateOnly? ParseMonth(string? text, TimeProvider clock, FieldErrors errors)
    {
        var today = clock.Today();
        if (string.IsNullOrWhiteSpace(text)) return new DateOnly(today.Year, today.Month, 1);
        if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)) return first;
        errors.Add("month", "月份格式应为 YYYY-MM，例如 2026-11。");
        return null;
    }

    public static async Task<Outcome<MealBilling>> Handle(DateOnly month, Guid? diningPointId, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var from = new DateOnly(month.Year, month.Month, 1);
        var to = from.AddMonths(1).AddDays(-1);
        if (diningPointId is { } pid && !await db.DiningPoints.InScope(scope).AnyAsync(p => p.Id == pid, ct))
            return Outcome<MealBilling>.NotFound("未找到该助餐点。");

        var orders = db.MealOrders.AsNoTracking().InScope(scope)
            .Where(o => o.Date >= from && o.Date <= to && o.Status != MealOrderStatus.Cancelled);
        if (diningPointId is { } p) orders = orders.Where(o => o.DiningPointId == p);
        var groups = await orders.GroupBy(o => new { o.ElderId, o.DiningPointId })
            .Select(g => new
            {
                g.Key.ElderId, g.Key.DiningPointId, Meals = g.Count(), Eaten = g.Count(o => o.Status != MealOrderStatus.Ordered),
                Price = g.Sum(o => o.PriceFen), Subsidy = g.Sum(o => o.SubsidyFen), Own = g.Sum(o => o.OwnShareFen),
            }).ToListAsync(ct);

        // ADR 0023: a subsidy paid at a rate still 待确认 (the rate in force for its group on the meal's day) is marked.
        var rates = await db.MealSubsidyRates.AsNoTracking().ToListAsync(ct);
        var subsidised = await orders.Where(o => o.SubsidyGroup != null && o.SubsidyFen > 0)
            .GroupBy(o => new { o.ElderId, o.DiningPointId, o.SubsidyGroup, o.Date }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var unconfirmed = subsidised
            .Where(x => rates.Where(r => r.Group == x.Key.SubsidyGroup && r.EffectiveFrom <= x.Key.Date)
                .MaxBy(r => r.EffectiveFrom) is { Confirmed: false })
            .GroupBy(x => (x.Key.ElderId, x.Key.DiningPointId)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));

        var elderIds = groups.Select(g => g.ElderId).Distinct().ToList();
        var pointIds = groups.Select(g => g.DiningPointId).Distinct().ToList();
        var elders = await db.Elders.AsNoTracking().Where(e => elderIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var points = await db.DiningPoints.AsNoTracking().Where(d => pointIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);

        var perElder = groups
            .Select(g => new MealBillingElder(g.ElderId, elders.GetValueOrDefault(g.ElderId, ""), g.DiningPointId,
                points.GetValueOrDefault(g.DiningPointId, ""),
                new MealBillingLine(g.Meals, g.Eaten, g.Price, g.Subsidy, g.Own, unconfirmed.GetValueOrDefault((g.ElderId, g.DiningPointId)))))
            .OrderBy(e => e.DiningPointName, StringComparer.Ordinal).ThenBy(e => e.ElderName, StringComparer.Ordinal).ToList();
        var perPoint = perElder.GroupBy(e => (e.DiningPointId, e.DiningPointName))
            .Select(g => new MealBillingPoint(g.Key.DiningPointId, g.Key.DiningPointName,
                g.Aggregate(MealBillingLine.Zero, (sum, e) => sum.Plus(e.Line))))
            .OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
        var total = perPoint.Aggregate(MealBillingLine.Zero, (sum, x) => sum.Plus(x.Line));
        return new MealBilling(from.ToString("yyyy-MM", CultureInfo.InvariantCulture), from, to, diningPointId, total, perPoint, perElder);
    }

    /// <summary>Two sheets, money in yuan: per dining point (with a total row) and per elder; the 补贴标准 column reads 待确认
    /// where any of the subsidy rests on an unconfirmed rate (ADR 0023).</summary>
    public static byte[] Excel(MealBilling billing)
    {
        static Dictionary<string, object?> Row(string month, string point, string? elder, MealBillingLine l) => new()
        {
            ["月份"] = month, ["助餐点"] = point, ["老年人"] = elder, ["餐数"] = l.Meals, ["已就餐"] = l.Eaten,
            ["餐费（元）"] = l.PriceFen / 100m, ["补贴（元）"] = l.SubsidyFen / 100m, ["个人自付（元）"] = l.OwnShareFen / 100m,
            ["补贴标准"] = l.SubsidyFen == 0 ? null : l.Unconfirmed ? Shared.Placeholders.Mark : "已确认",
            ["按待确认标准补贴的餐数"] = l.UnconfirmedMeals,
        };
        var sheets = new Dictionary<string, object>
        {
            ["按助餐点"] = billing.DiningPoints.Select(p => Row(billing.Month, p.Name, null, p.Line))
                .Append(Row(billing.Month, "合计", null, billing.Total)).ToList(),
            ["按老年人"] = billing.Elders.Select(e => Row(billing.Month, e.DiningPointName, e.ElderName, e.Line)).ToList(),
        };
        return SpreadsheetWriter.Xlsx(sheets);
    }
}
