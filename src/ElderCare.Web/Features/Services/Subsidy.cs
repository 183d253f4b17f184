using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Shared;

namespace ElderCare.Web.Features.Services;

/// <summary>What an order costs the government and the elder; <c>Confirmed</c> false: the item's price and allowance are
/// placeholders the district has not confirmed (待确认, ADR 0023), <c>Source</c> where they come from.</summary>
public sealed record SubsidyQuote(long PriceFen, long SubsidyFen, long OwnShareFen, long AllowanceFen, long UsedFen, bool Eligible, string Reason,
    bool Confirmed = true, string? Source = null);

/// <summary>
/// 政府购买服务: an item is paid by the government for elders in the priority groups it names, up to its monthly
/// allowance per elder; what this month's verified or still committed orders of the item have used is deducted first;
/// the elder pays the rest. Pure.
/// </summary>
public static class Subsidy
{
    public static SubsidyQuote Quote(long priceFen, IReadOnlyCollection<PriorityGroup> itemGroups, long monthlyAllowanceFen,
        IReadOnlyCollection<PriorityGroup> elderGroups, long usedThisMonthFen)
    {
        ArgumentNullException.ThrowIfNull(itemGroups);
        ArgumentNullException.ThrowIfNull(elderGroups);
        var eligible = itemGroups.Any(elderGroups.Contains) && monthlyAllowanceFen > 0;
        if (!eligible)
        {
            var reason = itemGroups.Count == 0 || monthlyAllowanceFen <= 0 ? "该服务项目不属于政府购买服务，由老年人自费。" : "老年人不属于该项目的补贴对象，由老年人自费。";
            return new(priceFen, 0, priceFen, monthlyAllowanceFen, usedThisMonthFen, false, reason);
        }
        var remaining = Math.Max(0, monthlyAllowanceFen - Math.Max(0, usedThisMonthFen));
        var subsidy = Math.Min(priceFen, remaining);
        var text = remaining == 0 ? "本月补贴额度已用完，由老年人自费。"
            : subsidy < priceFen ? $"本月剩余补贴额度 {Display.Yuan(remaining)}，不足部分由老年人自付。" : "全额由政府购买服务补贴。";
        return new(priceFen, subsidy, priceFen - subsidy, monthlyAllowanceFen, usedThisMonthFen, true, text);
    }
}
