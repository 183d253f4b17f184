using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>
/// The district confirms a meal-subsidy rate as its own (ADR 0023): the 待确认 mark goes, the source (a document number
/// or a reason) and the user are kept; the request is audited like every write.
/// </summary>
public static class ConfirmMealSubsidyRate
{
    public sealed record Input(string? Source);

    public static async Task<Outcome<MealSubsidyRateResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var source = errors.Text(input.Source, "source", "确认依据", FreeText.LongName);
        if (!errors.Any && string.IsNullOrWhiteSpace(source)) errors.Add("source", "请填写确认依据，例如文件文号或“区民政局核定”。");
        if (errors.Any) return Outcome<MealSubsidyRateResource>.Invalid(errors);
        var rate = await db.MealSubsidyRates.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rate is null) return Outcome<MealSubsidyRateResource>.NotFound("找不到该助餐补贴标准。");
        if (rate.Confirmed) return Outcome<MealSubsidyRateResource>.Conflict($"该补贴标准已于 {Display.Date(DateOnly.FromDateTime(rate.ConfirmedAt!.Value))} 由 {rate.ConfirmedBy} 确认。");
        rate.Source = source!.Trim();
        rate.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
        rate.ConfirmedBy = user.UserName;
        await db.SaveChangesAsync(ct);
        return MealSubsidyRateResource.From(rate);
    }
}
