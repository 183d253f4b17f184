using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace ElderCare.Web.Infrastructure.Auth;

/// <summary>
/// An unsafe API request (POST, PUT, PATCH, DELETE under /api) that is authenticated by the sign-in cookie must carry the
/// antiforgery token in the <c>RequestVerificationToken</c> header, as the pages' forms do; otherwise 403. The cookie is
/// SameSite=Strict already; this is the second line (OWASP CSRF cheat sheet), and it keeps a page script or a
/// same-site sibling from writing through the API with a signed-in officer's cookie. Bearer tokens and device keys are
/// not sent by the browser on their own, so they need no token.
/// </summary>
public static class ApiAntiforgery
{
    public const string HeaderName = "RequestVerificationToken";

    public static async Task Check(HttpContext http, Func<Task> next)
    {
        if (HostSetup.IsApi(http.Request) && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !HttpMethods.IsOptions(http.Request.Method) && !HttpMethods.IsTrace(http.Request.Method)
            && http.User.Identity is { IsAuthenticated: true, AuthenticationType: AuthSetup.CookieScheme }
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            await AuthSetup.WriteProblem(http, StatusCodes.Status403Forbidden,
                "以网页登录身份调用接口的写操作须在请求头 RequestVerificationToken 中带上防伪令牌；程序调用请使用访问令牌（Bearer）。");
            return;
        }
        await next();
    }
}
