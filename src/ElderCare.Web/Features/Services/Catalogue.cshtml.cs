using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.ReadServices)]
public sealed class CatalogueModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ServiceItemResource> Items { get; private set; } = [];

    /// <summary>The outcome of a confirmation, shown above the catalogue.</summary>
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await ListServiceItems.Handle(null, false, db, clock, ct);

    /// <summary>区民政局 confirms an item's price and allowance (ADR 0023).</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, [FromForm(Name = "source")] string? source, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.EditCatalogue)) return Forbid();
        var outcome = await ConfirmServiceItem.Handle(id, new ConfirmServiceItem.Input(source), user, db, clock, ct);
        Failed = !outcome.IsOk;
        Message = outcome.IsOk
            ? $"已确认“{outcome.Value!.Name}”的价格与每月额度。"
            : Shared.Placeholders.Problem(outcome.Errors, outcome.Message);
        if (Failed) HttpContext.Items[AuditWrites.RefusedKey] = true;
        Items = await ListServiceItems.Handle(null, false, db, clock, ct);
        return Page();
    }
}
