using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>满意度 1–5 after the visit, as the elder or family gives it (through staff or the hotline).</summary>
public static class RateOrder
{
    public sealed record Input(int? Score, string? Comment);

    public static async Task<Outcome<OrderResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, CancellationToken ct)
    {
        var order = await db.ServiceOrders.InScope(user.Scope, db).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return Outcome<OrderResource>.NotFound("找不到该工单，或不在您的管辖范围内。");
        var text = new FieldErrors();
        input = input with { Comment = text.Text(input.Comment, "comment", "评价", FreeText.Note, multiLine: true) };
        if (text.Any) return Outcome<OrderResource>.Invalid(text);
        var errors = new FieldErrors()
            .AddIf(input.Score is null or < 1 or > 5, "score", "满意度为 1 至 5 分。")
            .AddIf(input.Comment?.Length > 500, "comment", "评价不超过 500 字。");
        if (errors.Any) return Outcome<OrderResource>.Invalid(errors);
        if (!OrderLifecycle.Allows(order.Status, OrderAction.Rate))
            return Outcome<OrderResource>.Conflict(OrderLifecycle.Refusal(order.Status, OrderAction.Rate));
        order.Rating = input.Score;
        order.RatingComment = input.Comment?.Trim();
        order.Version++;
        await db.SaveChangesAsync(ct);
        return await GetOrder.Handle(order.Id, DataScope.District, db, ct);
    }
}
