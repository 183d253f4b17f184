using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Outbound;

/// <summary>A new subscription; the signing secret is shown on this page once, after the save.</summary>
[Authorize(Policy = Roles.Policies.ManageWebhooks)]
public sealed class NewWebhookModel(AppDbContext db, CurrentUser user, FieldProtector protector, OutboundOptions options, TimeProvider clock)
    : OutcomePageModel
{
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "url")] public string? Address { get; set; }
    [BindProperty(Name = "events")] public List<string> Events { get; set; } = [];
    [BindProperty(Name = "regionCode")] public string? RegionCode { get; set; }

    /// <summary>Set after the save: the subscription and its secret, shown once.</summary>
    public WebhookCreated? Created { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new RegisterWebhook.Input(Name, Address, Events, RegionCode);
        var outcome = await RegisterWebhook.Handle(input, user, db, protector, options, clock, ct);
        return Show(outcome, created =>
        {
            Created = created;
            return Page();
        }) ?? Page();
    }
}
