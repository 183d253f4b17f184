using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Auth;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Account;

[AllowAnonymous]
public sealed class LoginModel(SignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (CookieSignIn.Throttled(HttpContext))
        {
            Error = SignInLimiter.Message;
            Password = null;
            return Page();
        }
        var result = await signIn.Handle(UserName, Password, null, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        switch (result.Status)
        {
            case SignInStatus.CodeRequired:
                CookieSignIn.SetPending(HttpContext, result.User!.Id);
                return Redirect("/account/two-factor?returnUrl=" + Uri.EscapeDataString(LocalUrl.Safe(ReturnUrl)));
            case SignInStatus.Ok:
                await CookieSignIn.SignInAsync(HttpContext, result.User!, result.Restricted, ct);
                return Redirect(result.Restricted ? "/account" : LocalUrl.Safe(ReturnUrl));
            default:
                Error = "用户名或密码错误。连续失败 5 次，账户将锁定 15 分钟。";
                Password = null;
                return Page();
        }
    }
}
