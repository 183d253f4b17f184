using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Integrations.Clients;

/// <summary>Revoking an integration account, after a confirmation page (ADR 29: refused from the next call).</summary>
[Authorize(Policy = Roles.Policies.ManageIntegrations)]
public sealed class RevokeApiClientModel(AppDbContext db, IntegrationOptions options, TimeProvider clock, AuditLog audit, CurrentUser actor)
    : OutcomePageModel
{
    public ApiClientResource? Target { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        Show(await GetApiClient.Handle(id, db, options, clock, ct), d =>
        {
            Target = d.Client;
            return Page();
        })!;

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        Show(await RevokeApiClient.Handle(id, db, options, clock, audit, actor, ct), c =>
        {
            return RedirectWithFlash($"/integrations/clients/{id}", $"已停用接口账户 {c.Name}：其密钥和已签发的访问令牌立即失效。");
        })!;
}
