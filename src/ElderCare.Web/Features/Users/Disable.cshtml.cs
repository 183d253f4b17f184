using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Users;

/// <summary>Disabling a user, after a confirmation page (works without JavaScript): every session and token ends at once.</summary>
[Authorize(Policy = Roles.Policies.ManageUsers)]
public sealed class UserDisableModel(AppDbContext db, FieldProtector protector, Sessions sessions, AuditLog audit, CurrentUser current) : PageModel
{
    public AppUser? Target { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        (Target = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct)) is null ? NotFoundPage() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if ((Target = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct)) is null) return NotFoundPage();
        var outcome = await DisableUser.Handle(Target.UserName!, disable: true, db, protector, sessions, audit, current, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFoundPage();
        if (!outcome.IsOk)
        {
            Error = outcome.Message;
            return Page();
        }
        TempData["Flash"] = $"已停用用户 {Target.UserName}，其全部登录和接口令牌已失效。";
        return Redirect($"/users#user-{Target.UserName}");
    }

    private PageResult NotFoundPage()
    {
        Target = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
