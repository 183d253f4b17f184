using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Integrations.Clients;

/// <summary>One integration account: its secrets (hints), a new secret shown once, rotation (ADR 29).</summary>
[Authorize(Policy = Roles.Policies.ManageIntegrations)]
public sealed class ApiClientDetailsModel(AppDbContext db, IntegrationOptions options, TimeProvider clock, AuditLog audit, CurrentUser actor)
    : OutcomePageModel
{
    public ApiClientDetails? Details { get; private set; }
    public string? OneTimeSecret { get; private set; }
    public string? OneTimeSecretId { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        OneTimeSecret = TempData[ClientOneTime.SecretKey] as string;
        OneTimeSecretId = TempData[ClientOneTime.SecretIdKey] as string;
        Response.Headers.CacheControl = "no-store";
        return await Load(id, ct);
    }

    /// <summary>Rotation, first step: a second secret.</summary>
    public async Task<IActionResult> OnPostRotateAsync(Guid id, CancellationToken ct)
    {
        var outcome = await AddClientSecret.Handle(id, db, clock, audit, actor, ct);
        if (outcome.IsOk)
        {
            ClientOneTime.Show(TempData, outcome.Value!.SecretId, outcome.Value.Secret);
            return RedirectWithFlash($"/integrations/clients/{id}", "已新建密钥。请让对方系统换用新密钥，确认不再使用旧密钥后将其停用。");
        }
        return await Refused(id, outcome.Kind, outcome.Message, ct);
    }

    /// <summary>Rotation, last step: retire the old secret.</summary>
    public async Task<IActionResult> OnPostRetireAsync(Guid id, Guid secretId, CancellationToken ct)
    {
        var outcome = await RetireClientSecret.Handle(id, secretId, db, options, clock, audit, actor, ct);
        if (outcome.IsOk)
        {
            return RedirectWithFlash($"/integrations/clients/{id}", "已停用该密钥，用它换取的访问令牌同时失效。");
        }
        return await Refused(id, outcome.Kind, outcome.Message, ct);
    }

    private async Task<IActionResult> Refused(Guid id, Infrastructure.Errors.OutcomeKind kind, string? message, CancellationToken ct)
    {
        if (kind == Infrastructure.Errors.OutcomeKind.NotFound) return Missing(message);
        HttpContext.Items[AuditWrites.RefusedKey] = true;
        Error = message;
        var page = await Load(id, ct);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    private async Task<IActionResult> Load(Guid id, CancellationToken ct) =>
        Show(await GetApiClient.Handle(id, db, options, clock, ct), d =>
        {
            Details = d;
            return Page();
        })!;
}
