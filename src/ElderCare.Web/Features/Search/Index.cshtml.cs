using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Search;

/// <summary>
/// The results of the header search box, grouped by kind (SearchEverything). The box posts (antiforgery), so an ID
/// number or phone never stands in the URL; a link with ?q= still searches names, facilities and order numbers.
/// </summary>
[Authorize]
public sealed class SearchModel(AppDbContext db, FieldProtector protector, TimeProvider clock, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }

    public SearchResult? Result { get; private set; }

    /// <summary>Why nothing was searched (empty, too short, or personal data in the URL), shown instead of results.</summary>
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (SearchEverything.Sensitive(Q, clock.Today()))
        {
            // Already in the logs by now; not searched, not echoed back, so the page does not encourage such links.
            Q = null;
            Message = SearchEverything.SensitiveInUrl;
            return;
        }
        await Search(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        HttpContext.Items[Audit.AuditWrites.SkipKey] = true; // a read
        await Search(ct);
        // The box shows an ID number or phone masked, as the answer names it (ADR 6).
        if (Result is not null && SearchEverything.Sensitive(Q, clock.Today())) Q = Result.Q;
        return Page();
    }

    private async Task Search(CancellationToken ct)
    {
        var outcome = await SearchEverything.Handle(Q, SearchEverything.KindsFor(User), user.Scope, db, protector, clock, ct);
        if (outcome.IsOk) Result = outcome.Value;
        else Message = SearchEverything.Problem(Q);
    }
}
