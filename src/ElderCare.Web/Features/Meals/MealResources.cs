using ElderCare.Web.Features.Facilities;

using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Meals;

public sealed record KitchenResource(Guid Id, string Name, Guid? FacilityId, string RegionCode, string? Address, LocationResource? Location)
{
    public static KitchenResource From(Kitchen k) => new(k.Id, k.Name, k.FacilityId, k.RegionCode, k.Address,
        k.Latitude is { } lat && k.Longitude is { } lng ? new LocationResource(lat, lng) : null);
}

public sealed record DiningPointResource(Guid Id, string Name, Guid FacilityId, Guid KitchenId, string RegionCode, string? Address,
    LocationResource Location)
{
    public static DiningPointResource From(DiningPoint p) =>
        new(p.Id, p.Name, p.FacilityId, p.KitchenId, p.RegionCode, p.Address, new LocationResource(p.Latitude, p.Longitude));
}

public sealed record MenuSetResource(string Code, string Name, long PriceFen, IReadOnlyList<string> Dishes, IReadOnlyList<DietNeed> Suits);

public sealed record MenuResource(Guid Id, Guid KitchenId, DateOnly Date, Meal Meal, IReadOnlyList<MenuSetResource> Sets)
{
    public static MenuResource From(Menu m) => new(m.Id, m.KitchenId, m.Date, m.Meal,
        m.Sets.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => new MenuSetResource(s.Code, s.Name, s.PriceFen, s.Dishes, s.Suits)).ToList());
}

public sealed record MealProfileResource(Guid ElderId, IReadOnlyList<DietNeed> Diets, Guid DiningPointId, MealMode Mode,
    DateOnly? SuspendedFrom, DateOnly? ResumesOn, string? Notes)
{
    public static MealProfileResource From(MealProfile p) => new(p.ElderId, p.Diets, p.DiningPointId, p.Mode, p.SuspendedFrom, p.ResumesOn, p.Notes);
}

/// <summary>An order with the elder's name and, once eaten, the batch's cooking time and the 2 h flag.</summary>
public sealed record MealOrderResource(Guid Id, Guid ElderId, string ElderName, DateOnly Date, Meal Meal, MealMode Mode, Guid DiningPointId,
    Guid KitchenId, string SetCode, string SetName, IReadOnlyList<DietNeed> Diets, long PriceFen, MealSubsidyGroup? SubsidyGroup,
    long SubsidyFen, long OwnShareFen, MealOrderStatus Status, DateTime? ServedAt, LocationResource? DeliveredPosition, string? ServiceNote,
    DateTime? CookedAt, int? MinutesFromCooking, bool TooLongAfterCooking)
{
    public static MealOrderResource From(MealOrder o, string elderName, FoodBatch? batch, MealOptions options)
    {
        var minutes = batch is not null && o.ServedAt is { } at ? (int?)Math.Round((at - batch.CookedAt).TotalMinutes) : null;
        return new(o.Id, o.ElderId, elderName, o.Date, o.Meal, o.Mode, o.DiningPointId, o.KitchenId, o.SetCode, o.SetName, o.Diets, o.PriceFen,
            o.SubsidyGroup, o.SubsidyFen, o.OwnShareFen, o.Status, o.ServedAt,
            o.DeliveredLatitude is { } lat && o.DeliveredLongitude is { } lng ? new LocationResource(lat, lng) : null, o.ServiceNote,
            batch?.CookedAt, minutes,
            batch is not null && o.ServedAt is { } eaten && FoodSafety.TooLongAfterCooking(batch.CookedAt, eaten, options.CookToEatLimit));
    }
}

public sealed record FoodBatchResource(Guid Id, Guid KitchenId, string KitchenName, DateOnly Date, Meal Meal, string? SetCode, DateTime CookedAt,
    DateTime? SampleTakenAt, DateTime? SampleKeptUntil, DateTime? SampleDisposedAt, SampleState SampleState, string RecordedBy)
{
    public static FoodBatchResource From(FoodBatch b, string kitchenName, MealOptions options) => new(b.Id, b.KitchenId, kitchenName, b.Date,
        b.Meal, b.SetCode, b.CookedAt, b.SampleTakenAt, b.SampleKeptUntil, b.SampleDisposedAt, FoodSafety.Retention(b, options.SampleRetention),
            b.RecordedBy);
}

/// <summary>A rate; <c>Confirmed</c> false marks a placeholder the district has not confirmed (待确认, ADR 0023).</summary>
public sealed record MealSubsidyRateResource(Guid Id, MealSubsidyGroup Group, string GroupName, DateOnly EffectiveFrom, long PerMealFen,
    string Source, bool Confirmed, string? ConfirmedBy, DateTime? ConfirmedAt)
{
    public static MealSubsidyRateResource From(MealSubsidyRate r) => new(r.Id, r.Group, MealSubsidy.NameOf(r.Group), r.EffectiveFrom, r.PerMealFen,
        r.Source, r.Confirmed, r.ConfirmedBy, r.ConfirmedAt);
}
