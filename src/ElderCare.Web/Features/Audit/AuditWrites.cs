using ElderCare.Web.Features.Access;

namespace ElderCare.Web.Features.Audit;

/// <summary>
/// Every write (POST/PUT/PATCH/DELETE) and every export is recorded with its outcome (等保 8.1.4.3). Sign-in,
/// unmasking and user changes write their own, more specific entries.
/// </summary>
public sealed class AuditWrites(RequestDelegate next, AuditLog audit, ILogger<AuditWrites> log)
{
    /// <summary>Set by <see cref="AuditPageOutcome"/> when a page form was refused (it re-renders with 200).</summary>
    public const string RefusedKey = "audit.refused";

    /// <summary>Set by device-key endpoints (heartbeats, device alarms): machine traffic whose own table is the record; and by
    /// reads that are posted only to keep a personal identifier out of the URL (elder look-up and pickers).</summary>
    public const string SkipKey = "audit.skip";

    private static readonly string[] OwnEntries = ["/api/auth/token", "/account/login", "/account/two-factor"];

    public async Task InvokeAsync(HttpContext http, CurrentUser user)
    {
        await next(http);
        var path = http.Request.Path.Value ?? "";
        var write = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !HttpMethods.IsOptions(http.Request.Method);
        var export = path.Contains("export", StringComparison.OrdinalIgnoreCase) || path.Contains("/import/errors",
            StringComparison.OrdinalIgnoreCase);
        if (!(write || export) || http.Items.ContainsKey(SkipKey) || OwnEntries.Any(p => path.StartsWith(p,
            StringComparison.OrdinalIgnoreCase))) return;
        var status = http.Response.StatusCode;
        var refused = status >= 400 || http.Items.ContainsKey(RefusedKey);
        var record = new AuditRecord(user.Id, user.UserName ?? "(anonymous)", export && !write ? "data.export" : "data.write",
            $"{http.Request.Method} {path}", refused ? AuditOutcome.Failure : AuditOutcome.Success, user.Address,
            refused && status < 400 ? $"HTTP {status}（表单校验未通过）" : $"HTTP {status}");
        try
        {
            await audit.AppendAsync(record);
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            // ADR 16: the response is decided (often already sent); an audit write that fails (database locked or gone)
            // must not turn it into a 500 or a dropped connection. The entry goes to the log instead, whole.
            log.LogError(e, "Audit entry not stored: {Action} {Target} {Outcome} by {User} from {Address}: {Detail}",
                record.Action, record.Target, record.Outcome, record.UserName, record.Address, record.Detail);
        }
    }
}

/// <summary>Marks a page post whose form was refused (invalid model state), so the audit records a failure.</summary>
public sealed class AuditPageOutcome : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && !executed.ModelState.IsValid)
            context.HttpContext.Items[AuditWrites.RefusedKey] = true;
    }
}
