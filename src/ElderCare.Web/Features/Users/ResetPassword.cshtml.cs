using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Users;

/// <summary>
/// Resetting a user's password, after a confirmation page: a strong password is generated, shown once on the user
/// list, and must be changed at the next sign-in. One's own password is changed on /account instead (this would sign
/// the administrator out in the middle of the work).
/// </summary>
[Authorize(Policy = Roles.Policies.ManageUsers)]
public sealed class UserResetPasswordModel(AppDbContext db, UserManager<AppUser> users, FieldProtector protector, Sessions sessions,
    TimeProvider clock, AuditLog audit, CurrentUser current) : UserConfirmationModel(db, protector)
{
    public bool Self => Target?.Id == current.Id;

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Self) return Page();
        var outcome = await SetPassword.Reset(Target!.UserName, null, Db, users, sessions, clock, audit, current, ct);
        if (outcome.Kind == Infrastructure.Errors.OutcomeKind.NotFound) return Missing();
        // A generated password always meets the policy; anything else is a bug, not an input error.
        if (!outcome.IsOk) throw new InvalidOperationException("生成的密码未通过密码策略：" + outcome.Message);
        OneTime.Show(TempData, Target.UserName, outcome.Value.Password);
        return RedirectWithFlash($"/users#user-{Target.UserName}", $"已重置用户 {Target.UserName} 的密码，其全部登录已结束；下次登录时须修改密码。");
    }
}
