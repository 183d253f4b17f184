using System.Text.Encodings.Web;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ElderCare.Web.Features.Integrations;

/// <summary>
/// The integration clients' scheme (ADR 29): <c>Authorization: Bearer ect_…</c> (an access token of the
/// client-credentials grant), <c>Bearer ecs_…</c> (the secret itself) or <c>Basic</c> (client id and secret). The
/// cookie-or-bearer selector hands these headers here (<see cref="ForwardClientCredentials"/>); people's tokens stay with
/// <see cref="BearerAuthentication"/>. Every call a client makes is audited under its name: writes and exports by
/// <see cref="AuditWrites"/>, every other call here, as "api.read".
/// </summary>
public sealed class ApiClientAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "api-client";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ClientCredential.Parse(Request.Headers.Authorization) is not { } credential)
            return Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
                ? AuthenticateResult.Fail("无法读取 Basic 凭据。") : AuthenticateResult.NoResult();
        var services = Context.RequestServices;
        var found = await ClientCredential.CheckAsync(credential, services.GetRequiredService<AppDbContext>(),
            services.GetRequiredService<TimeProvider>(), Context.RequestAborted);
        if (found is null) return AuthenticateResult.Fail("接口凭据无效、已过期或已停用。");
        var limit = found.Client.RequestsPerMinute ?? services.GetRequiredService<IntegrationOptions>().RequestsPerMinute;
        AuditReads(found.Client);
        return AuthenticateResult.Success(new AuthenticationTicket(ClientCredential.Principal(found.Client, limit, SchemeName), SchemeName));
    }

    /// <summary>A read (anything AuditWrites does not record) is recorded as the response starts, with its status.</summary>
    private void AuditReads(ApiClient client)
    {
        var http = Context;
        var method = http.Request.Method;
        var path = http.Request.Path.Value ?? "";
        var write = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method);
        var export = path.Contains("export", StringComparison.OrdinalIgnoreCase)
                     || path.Contains("/import/errors", StringComparison.OrdinalIgnoreCase);
        if (write || export || !http.Items.TryAdd("integrations.audited", true)) return;
        http.Response.OnStarting(async () =>
        {
            var status = http.Response.StatusCode;
            try
            {
                await http.RequestServices.GetRequiredService<AuditLog>().AppendAsync(new(client.Id, client.ActorName, "api.read",
                    $"{method} {path}", status >= 400 ? AuditOutcome.Failure : AuditOutcome.Success,
                    http.Connection.RemoteIpAddress?.ToString(), $"HTTP {status}"));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Logger.LogError(e, "Audit entry not stored: api.read {Method} {Path} {Status} by {Client}", method, path, status, client.ActorName);
            }
        });
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var basic = Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase);
        Response.Headers.WWWAuthenticate = basic ? "Basic realm=\"ElderCare\", charset=\"UTF-8\"" : "Bearer error=\"invalid_token\"";
        await AuthSetup.WriteProblem(Context, StatusCodes.Status401Unauthorized, "接口凭据无效、已过期或已停用。");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthSetup.WriteProblem(Context, StatusCodes.Status403Forbidden, "当前接口账户的角色无权执行此操作。");
}

/// <summary>
/// Hands a client's Authorization header (Basic, Bearer ecs_…, Bearer ect_…) from the app's cookie-or-bearer selector to
/// <see cref="ApiClientAuthentication"/>; every other request goes where it went before.
/// </summary>
public sealed class ForwardClientCredentials : IPostConfigureOptions<PolicySchemeOptions>
{
    public void PostConfigure(string? name, PolicySchemeOptions options)
    {
        if (options.ForwardDefaultSelector is not { } before) return;
        options.ForwardDefaultSelector = http =>
            ClientCredential.IsClientHeader(http.Request.Headers.Authorization.ToString()) ? ApiClientAuthentication.SchemeName : before(http);
    }
}
