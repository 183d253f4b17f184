using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Auth;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Account;

[AllowAnonymous]
public sealed class TwoFactorModel(SignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Code { get; set; }
    public string? Error { get; private set; }

    public IActionResult OnGet() => CookieSignIn.Pending(HttpContext) is null ? Redirect("/account/login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (CookieSignIn.Throttled(HttpContext))
        {
            Error = SignInLimiter.Message;
            return Page();
        }
        if (CookieSignIn.Pending(HttpContext) is not { } userId) return Redirect("/account/login");
        var result = await signIn.SecondFactor(userId, Code, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (result.Status != SignInStatus.Ok)
        {
            Error = "验证码不正确或已使用过。连续失败 5 次，账户将锁定 15 分钟。";
            return Page();
        }
        CookieSignIn.ClearPending(HttpContext);
        await CookieSignIn.SignInAsync(HttpContext, result.User!, result.Restricted, ct);
        return Redirect(result.Restricted ? "/account" : LocalUrl.Safe(ReturnUrl));
    }
}
