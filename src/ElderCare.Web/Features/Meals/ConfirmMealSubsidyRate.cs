using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>
/// The district confirms a meal-subsidy rate as its own (ADR 0023): the 待确认 mark goes, the source (a document number
/// or a reason) and the user are kept; the request is audited like every write.
/// </summary>
public static class ConfirmMealSubsidyRate
{
    public sealed record Input(string? Source);

    public static Task<Outcome<MealSubsidyRateResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        Placeholders.Confirm(input.Source, user, clock, db, () => db.MealSubsidyRates.FirstOrDefaultAsync(r => r.Id == id, ct),
            "找不到该助餐补贴标准。", "该补贴标准", MealSubsidyRateResource.From, ct);
}
