using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Users;

public static class DisableUser
{
    /// <summary>Disables (or re-enables) a user; disabling ends every session and token of the user at once.</summary>
    public static async Task<Outcome<UserResource>> Handle(string userName, bool disable, AppDbContext db, FieldProtector protector,
        Sessions sessions, AuditLog audit, CurrentUser? actor, CancellationToken ct)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null) return Outcome<UserResource>.NotFound($"用户 {userName} 不存在。");
        if (disable && actor?.Id == user.Id) return Outcome<UserResource>.Conflict("不能停用自己的账户。");
        user.Disabled = disable;
        await db.SaveChangesAsync(ct);
        if (disable) await sessions.RevokeAllAsync(user.Id, ct);
        await audit.AppendAsync(new(actor?.Id, actor?.UserName ?? "(命令行)", disable ? "user.disable" : "user.enable", $"user/{user.UserName}",
            AuditOutcome.Success, actor?.Address, null));
        return UserResource.From(user, protector);
    }
}
