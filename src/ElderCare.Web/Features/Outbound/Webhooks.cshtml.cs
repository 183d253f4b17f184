using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Outbound;

/// <summary>The district admin's list of event subscriptions, each with its disable button.</summary>
[Authorize(Policy = Roles.Policies.ManageWebhooks)]
public sealed class WebhooksModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    public IReadOnlyList<WebhookResource> Subscriptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Subscriptions = await ListWebhooks.Handle(db, ct);

    public async Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct)
    {
        var outcome = await DisableWebhook.Handle(id, user, db, clock, ct);
        var shown = Show(outcome, s =>
        {
            return RedirectWithFlash("/integrations/webhooks", $"已停用订阅“{s.Name}”。");
        });
        if (shown is not null) return shown;
        Subscriptions = await ListWebhooks.Handle(db, ct);
        return Page();
    }
}
