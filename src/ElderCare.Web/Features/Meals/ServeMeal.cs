using ElderCare.Web.Features.Shared;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>Dine-in check-in at the dining point, or hand-over confirmed at the door (time and, if known, position).</summary>
public static class ServeMeal
{
    public sealed record CheckInInput(DateTimeOffset? At);

    public sealed record DeliveryInput(DateTimeOffset? At, LocationResource? Location, string? Note);

    /// <summary>A clock a few minutes ahead of the server's is tolerated; a later time is a typing error.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public static Task<Outcome<MealOrderResource>> CheckIn(Guid id, CheckInInput input, CurrentUser user, AppDbContext db, MealOptions options,
        TimeProvider clock, CancellationToken ct) =>
        Serve(id, MealMode.DineIn, input.At, null, null, user, db, options, clock, ct);

    public static Task<Outcome<MealOrderResource>> Deliver(Guid id, DeliveryInput input, CurrentUser user, AppDbContext db, MealOptions options,
        TimeProvider clock, CancellationToken ct) =>
        Serve(id, MealMode.Delivery, input.At, input.Location, input.Note, user, db, options, clock, ct);

    private static async Task<Outcome<MealOrderResource>> Serve(Guid id, MealMode mode, DateTimeOffset? at, LocationResource? location, string? note,
        CurrentUser user, AppDbContext db, MealOptions options, TimeProvider clock, CancellationToken ct)
    {
        var order = await db.MealOrders.InScope(user.Scope).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return Outcome<MealOrderResource>.NotFound("未找到该订餐。");
        if (order.Mode != mode)
            return Outcome<MealOrderResource>.Conflict(order.Mode == MealMode.Delivery ? "该订餐为送餐，请在送达时确认。" : "该订餐为堂食，请在助餐点签到。");
        if (order.Status == MealOrderStatus.Cancelled) return Outcome<MealOrderResource>.Conflict("该订餐已取消。");
        if (order.Status != MealOrderStatus.Ordered)
            return Outcome<MealOrderResource>.Conflict($"该订餐已于 {Display.ChinaTime(order.ServedAt)} {MealValidation.NameOf(order.Status)}。");

        var now = clock.UtcNow();
        var when = at?.UtcDateTime ?? now;
        var errors = new FieldErrors();
        note = errors.Text(note, "note", "备注", 300, multiLine: true);
        errors.AddIf(when > now + Skew, "at", "时间不能晚于现在。");
        errors.AddIf(DateOnly.FromDateTime(when.Add(ChinaClock.Offset)) != order.Date, "at", $"时间应在就餐当天（{order.Date:yyyy-MM-dd}）。");
        errors.CheckLocation(location?.Lat, location?.Lng);
        errors.AddIf(note?.Trim().Length > 300, "note", "情况说明不能超过 300 个字。");
        if (errors.Any) return Outcome<MealOrderResource>.Invalid(errors);

        order.Status = mode == MealMode.DineIn ? MealOrderStatus.Served : MealOrderStatus.Delivered;
        order.ServedAt = when;
        order.DeliveredLatitude = location?.Lat;
        order.DeliveredLongitude = location?.Lng;
        order.ServiceNote = FormValues.Trimmed(note);
        order.ServedBy = user.UserName;
        await db.SaveChangesAsync(ct);

        var name = await db.Elders.Where(e => e.Id == order.ElderId).Select(e => e.Name).FirstAsync(ct);
        var batches = await db.FoodBatches.AsNoTracking().Where(b => b.KitchenId == order.KitchenId && b.Date == order.Date
            && b.Meal == order.Meal).ToListAsync(ct);
        return MealOrderResource.From(order, name, FoodSafety.BatchFor(batches, order.SetCode, when), options);
    }
}
