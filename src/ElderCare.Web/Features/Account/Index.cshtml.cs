using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Account;

/// <summary>My account: change the password and enrol two-factor. A restricted session (initial or expired password,
/// two-factor required but missing) lands here and can go nowhere else until both are done.</summary>
public sealed class AccountModel(AppDbContext db, UserManager<AppUser> users, Sessions sessions, FieldProtector protector,
    TimeProvider clock, AuditLog audit, CurrentUser current) : OutcomePageModel
{
    public AppUser Me { get; private set; } = null!;
    public bool MustChangePassword { get; private set; }
    public bool MustEnrol { get; private set; }
    public EnrolTwoFactor.Pending? Enrolment { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    [BindProperty] public string? PendingKey { get; set; }
    [BindProperty] public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ? Page() : Redirect("/account/login");

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (!await Load(ct)) return Redirect("/account/login");
        if (NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError("confirmPassword", "两次输入的新密码不一致。");
            return Page();
        }
        var outcome = await SetPassword.Change(Me.Id, new SetPassword.ChangeInput(CurrentPassword, NewPassword), db, users, sessions, clock,
            audit, current.Address, ct);
        if (!outcome.IsOk)
        {
            ModelState.AddFieldErrors(outcome.Errors!);
            return Page();
        }
        // Every session ended with the change; this one continues as a new session.
        await CookieSignIn.SignInAsync(HttpContext, outcome.Value!, Account.SignIn.IsRestricted(outcome.Value!, clock.UtcNow()), ct);
        return RedirectWithFlash("/account", "密码已修改，其他设备上的登录已全部退出。");
    }

    public async Task<IActionResult> OnPostEnrolAsync(CancellationToken ct)
    {
        if (!await Load(ct)) return Redirect("/account/login");
        var outcome = await EnrolTwoFactor.Confirm(Me.Id, PendingKey, Code, db, protector, clock, audit, current.Address, ct);
        if (!outcome.IsOk)
        {
            ModelState.AddFieldErrors(outcome.Errors!);
            Enrolment = EnrolTwoFactor.Resume(PendingKey, Me.UserName!, protector);
            return Page();
        }
        await Load(ct);
        Response.Cookies.Delete(PendingCookie, new CookieOptions { Path = "/account" });
        RecoveryCodes = outcome.Value;
        if (current.SessionId is { } sid) await sessions.RevokeAsync(sid, ct);
        await CookieSignIn.SignInAsync(HttpContext, Me, Account.SignIn.IsRestricted(Me, clock.UtcNow()), ct);
        return Page();
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        if (current.Id is not { } id || await GetAccount.Handle(id, db, ct) is not { } me) return false;
        Me = me;
        var now = clock.UtcNow();
        MustChangePassword = me.MustChangePassword || Infrastructure.Auth.PasswordPolicy.MustRotate(Roles.IsPrivileged(me.Role),
            me.PasswordChangedAt, now);
        MustEnrol = me.TwoFactorRequired && !me.TwoFactorEnrolled;
        Enrolment = me.TwoFactorEnrolled ? null : PendingEnrolment(me.UserName!);
        return true;
    }

    /// <summary>The pending key (encrypted) lives in a short cookie, so a reload shows the same QR code as the phone scanned.</summary>
    private const string PendingCookie = "ec.totp-pending";

    private EnrolTwoFactor.Pending PendingEnrolment(string userName)
    {
        var pending = Request.Cookies[PendingCookie] is { } kept
            ? EnrolTwoFactor.Resume(kept, userName, protector)
            : EnrolTwoFactor.Begin(userName, protector);
        Response.Cookies.Append(PendingCookie, pending.ProtectedKey, new CookieOptions
        {
            Path = "/account", HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromMinutes(30),
            IsEssential = true,
        });
        return pending;
    }

    public string RoleText => Roles.Of(Me.Role) + (Me.RegionCode is { } r ? $"（{r}）" : "");

}
