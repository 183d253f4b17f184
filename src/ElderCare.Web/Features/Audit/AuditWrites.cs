using ElderCare.Web.Features.Access;

namespace ElderCare.Web.Features.Audit;

/// <summary>
/// Every write (POST/PUT/PATCH/DELETE) and every export is recorded with its outcome (等保 8.1.4.3). Sign-in,
/// unmasking and user changes write their own, more specific entries.
/// </summary>
public sealed class AuditWrites(RequestDelegate next, AuditLog audit)
{
    private static readonly string[] OwnEntries = ["/api/auth/token", "/account/login", "/account/two-factor"];

    public async Task InvokeAsync(HttpContext http, CurrentUser user)
    {
        await next(http);
        var path = http.Request.Path.Value ?? "";
        var write = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method);
        var export = path.Contains("export", StringComparison.OrdinalIgnoreCase);
        if (!(write || export) || OwnEntries.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))) return;
        var status = http.Response.StatusCode;
        await audit.AppendAsync(new AuditRecord(user.Id, user.UserName ?? "(anonymous)", export && !write ? "data.export" : "data.write",
            $"{http.Request.Method} {path}", status < 400 ? AuditOutcome.Success : AuditOutcome.Failure, user.Address, $"HTTP {status}"));
    }
}
