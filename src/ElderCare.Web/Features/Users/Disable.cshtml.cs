using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Users;

/// <summary>Disabling a user, after a confirmation page (works without JavaScript): every session and token ends at once.</summary>
[Authorize(Policy = Roles.Policies.ManageUsers)]
public sealed class UserDisableModel(AppDbContext db, FieldProtector protector, Sessions sessions, AuditLog audit, CurrentUser current)
    : UserConfirmationModel(db, protector)
{
    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        var outcome = await DisableUser.Handle(Target!.UserName, disable: true, Db, Protector, sessions, audit, current, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return Missing();
        if (!outcome.IsOk)
        {
            // Disabling oneself: the reason shows on the confirmation page.
            Error = outcome.Message;
            return Page();
        }
        return RedirectWithFlash($"/users#user-{Target.UserName}", $"已停用用户 {Target.UserName}，其全部登录和接口令牌已失效。");
    }
}
