using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Users;

/// <summary>Disabling a user, after a confirmation page (works without JavaScript): every session and token ends at once.</summary>
[Authorize(Policy = Roles.Policies.ManageUsers)]
public sealed class UserDisableModel(AppDbContext db, FieldProtector protector, Sessions sessions, AuditLog audit, CurrentUser current)
    : OutcomePageModel
{
    public UserResource? Target { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        Show(await GetUser.Handle(id, db, protector, ct), Confirm)!;

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var target = await GetUser.Handle(id, db, protector, ct);
        if (!target.IsOk) return Missing(target.Message);
        Target = target.Value!;
        var outcome = await DisableUser.Handle(Target.UserName, disable: true, db, protector, sessions, audit, current, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return Missing(target.Message);
        if (!outcome.IsOk)
        {
            // Disabling oneself: the reason shows on the confirmation page.
            Error = outcome.Message;
            return Page();
        }
        TempData["Flash"] = $"已停用用户 {Target.UserName}，其全部登录和接口令牌已失效。";
        return Redirect($"/users#user-{Target.UserName}");
    }

    private PageResult Confirm(UserResource user)
    {
        Target = user;
        return Page();
    }
}
