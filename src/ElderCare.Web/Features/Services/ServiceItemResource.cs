using ElderCare.Web.Features.Elders;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// An item; <c>Confirmed</c> false marks price and allowance as placeholders (待确认, ADR 0023), <c>Source</c> says where
/// they come from.
/// </summary>
public sealed record ServiceItemResource(Guid Id, string Code, ServiceCategory Category, string CategoryName, string Name, string Unit,
    int StandardMinutes, long PriceFen, string? RequiredQualification, IReadOnlyList<PriorityGroup> SubsidizedGroups, long MonthlyAllowanceFen,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, int Version, bool Confirmed, string Source, string? ConfirmedBy, DateTime? ConfirmedAt)
{
    public static ServiceItemResource From(ServiceItem i) => new(i.Id, i.Code, i.Category, ServiceLabels.Of(i.Category), i.Name, i.Unit,
        i.StandardMinutes, i.PriceFen, i.RequiredQualification, i.SubsidizedGroups, i.MonthlyAllowanceFen, i.EffectiveFrom, i.EffectiveTo, i.Version,
        i.Confirmed, i.Source, i.ConfirmedBy, i.ConfirmedAt);
}
