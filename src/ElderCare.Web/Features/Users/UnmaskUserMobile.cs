using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Users;

public static class UnmaskUserMobile
{
    public sealed record Input(string? Reason);

    public sealed record Unmasked(string Field, string? Value);

    /// <summary>QUALITY.md S6: unmasking needs the permission and a reason, and writes an audit entry.</summary>
    public static async Task<Outcome<Unmasked>> Handle(Guid id, Input input, AppDbContext db, FieldProtector protector, AuditLog audit,
        CurrentUser actor, CancellationToken ct)
    {
        if (!actor.CanUnmask) return Outcome<Unmasked>.Forbidden(Masking.NoPermission);
        var text = new FieldErrors();
        input = input with { Reason = text.Text(input.Reason, "reason", "查看理由", 200) };
        if (text.Any) return Outcome<Unmasked>.Invalid(text);
        if (Masking.ReasonProblem(input.Reason) is { } problem) return Outcome<Unmasked>.Invalid("reason", problem);
        var reason = input.Reason!.Trim();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return Outcome<Unmasked>.NotFound("未找到该用户。");
        await audit.AppendAsync(new(actor.Id, actor.UserName, "data.unmask", $"user/{user.UserName}/mobile", AuditOutcome.Success, actor.Address,
            reason));
        return new Unmasked("mobile", protector.Unprotect(user.MobileProtected));
    }
}
