using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Search;

/// <summary>The results of the header search box, grouped by kind (SearchEverything).</summary>
[Authorize]
public sealed class SearchModel(AppDbContext db, FieldProtector protector, TimeProvider clock, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }

    public SearchResult? Result { get; private set; }

    /// <summary>Why nothing was searched (empty or too short), shown instead of results.</summary>
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var outcome = await SearchEverything.Handle(Q, SearchEverything.KindsFor(User), user.Scope, db, protector, clock, ct);
        if (outcome.IsOk) Result = outcome.Value;
        else Message = SearchEverything.Problem(Q);
    }
}
