using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>办结: a complaint in scope is closed once, with what was done about it.</summary>
public static class CloseComplaint
{
    public sealed record Input(string? Resolution);

    public static async Task<Outcome<ComplaintResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var orders = db.ServiceOrders.InScope(user.Scope, db).Select(o => o.Id);
        var c = await db.Complaints.FirstOrDefaultAsync(x => x.Id == id && orders.Contains(x.OrderId), ct);
        if (c is null) return Outcome<ComplaintResource>.NotFound("找不到该投诉，或不在您的管辖范围内。");
        var text = new FieldErrors();
        input = input with { Resolution = text.Text(input.Resolution, "resolution", "处理结果", FreeText.LongText, multiLine: true) };
        if (text.Any) return Outcome<ComplaintResource>.Invalid(text);
        if (string.IsNullOrWhiteSpace(input.Resolution) || input.Resolution.Length > 1000)
            return Outcome<ComplaintResource>.Invalid("resolution", "请填写处理结果（不超过 1000 字）。");
        if (c.ResolvedAt is not null) return Outcome<ComplaintResource>.Conflict("该投诉已办结。");
        c.ResolvedAt = clock.UtcNow();
        c.ResolvedBy = user.UserName;
        c.Resolution = input.Resolution.Trim();
        await db.SaveChangesAsync(ct);
        return await GetComplaint.Handle(c.Id, user.Scope, db, clock, ct);
    }
}
