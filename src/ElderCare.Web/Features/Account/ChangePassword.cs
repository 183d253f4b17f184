using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;

namespace ElderCare.Web.Features.Account;

/// <summary>The outcome of <c>POST /api/auth/password</c>: the sign-in verdict when the caller was not signed in, then the change.</summary>
public sealed record PasswordChangeResult(SignInStatus SignIn, Outcome<AppUser>? Changed);

/// <summary>
/// Changing one's own password through the API (ADR 29, for API-only accounts). Signed in: the current session's user,
/// as on the account page. Not signed in: user name + current password (+ the two-factor code where enrolled), checked
/// by <see cref="SignIn"/> with its lockout and audit, so an account created with an initial password (等保 8.1.4.1 a:
/// changed before first use) can change it and then get a token without the web page. Every session of the user ends.
/// </summary>
public static class ChangePassword
{
    public sealed record Input(string? UserName, string? CurrentPassword, string? NewPassword, string? Code);

    public static async Task<PasswordChangeResult> Handle(Input input, CurrentUser current, SignIn signIn, AppDbContext db,
        UserManager<AppUser> users, Sessions sessions, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var change = new SetPassword.ChangeInput(input.CurrentPassword, input.NewPassword);
        if (current.IsAuthenticated && current.Id is { } signedIn)
            return new(SignInStatus.Ok, await SetPassword.Change(signedIn, change, db, users, sessions, clock, audit, current.Address, ct));
        if (string.IsNullOrWhiteSpace(input.UserName))
            return new(SignInStatus.Ok, Outcome<AppUser>.Invalid("userName", "未登录时须填写用户名（userName）和当前密码。"));
        var verdict = await signIn.Handle(input.UserName, input.CurrentPassword, input.Code, current.Address, ct);
        if (verdict.Status != SignInStatus.Ok) return new(verdict.Status, null);
        return new(SignInStatus.Ok, await SetPassword.Change(verdict.User!.Id, change, db, users, sessions, clock, audit, current.Address, ct));
    }
}
