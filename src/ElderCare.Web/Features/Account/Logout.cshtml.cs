using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Account;

[AllowAnonymous]
public sealed class LogoutModel(Sessions sessions, AuditLog audit, CurrentUser current) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (current.SessionId is { } sid)
        {
            await sessions.RevokeAsync(sid, ct);
            await audit.AppendAsync(new(current.Id, current.UserName, "auth.sign-out", $"user/{current.UserName}", AuditOutcome.Success,
                current.Address));
        }
        await HttpContext.SignOutAsync(AuthSetup.CookieScheme);
        return Redirect("/account/login");
    }
}
