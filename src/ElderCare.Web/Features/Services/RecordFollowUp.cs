using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>The result of a follow-up call (回访): reached or not; if reached, whether the service happened and satisfied.</summary>
public static class RecordFollowUp
{
    public sealed record Input(bool? Reached, bool? ServiceHappened, bool? Satisfied, string? Notes);

    public static async Task<Outcome<FollowUpResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var orders = db.ServiceOrders.InScope(user.Scope, db).Select(o => o.Id);
        var f = await db.FollowUps.FirstOrDefaultAsync(x => x.Id == id && orders.Contains(x.OrderId), ct);
        if (f is null) return Outcome<FollowUpResource>.NotFound("找不到该回访，或不在您的管辖范围内。");
        var text = new FieldErrors();
        input = input with { Notes = text.Text(input.Notes, "notes", "回访记录", FreeText.LongText, multiLine: true) };
        if (text.Any) return Outcome<FollowUpResource>.Invalid(text);
        var errors = new FieldErrors()
            .AddIf(input.Reached is null, "reached", "请选择是否联系上老年人或家属。")
            .AddIf(input.Reached == true && input.ServiceHappened is null, "serviceHappened", "请选择服务是否确实发生。")
            .AddIf(input.Notes?.Length > 1000, "notes", "回访记录不超过 1000 字。");
        if (errors.Any) return Outcome<FollowUpResource>.Invalid(errors);
        f.CalledAt = clock.UtcNow();
        f.CalledBy = user.UserName;
        f.Reached = input.Reached;
        f.ServiceHappened = input.Reached == true ? input.ServiceHappened : null;
        f.Satisfied = input.Reached == true ? input.Satisfied : null;
        f.Notes = input.Notes?.Trim();
        await db.SaveChangesAsync(ct);
        return await GetFollowUp.Handle(f.Id, user.Scope, db, ct);
    }
}
