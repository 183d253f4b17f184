using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Map;

/// <summary>养老服务地图: facilities, the 15-minute circle's figures and gaps, and site suggestions on demand.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.ReadCoverage)]
public sealed class MapModel(AppDbContext db, TimeProvider clock, CurrentUser user, MapOptions options, MapTiles tiles) : OutcomePageModel
{
    /// <summary>New stations to suggest (empty: no suggestion asked for).</summary>
    [BindProperty(SupportsGet = true, Name = "sites")]
    public string? Sites { get; set; }

    public ReachReport Reach { get; private set; } = null!;
    public SiteSuggestion? Suggestion { get; private set; }
    public IReadOnlyList<MapFacility> Facilities { get; private set; } = [];
    public string? TileUrl => tiles.Url;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Reach = (await GetReach.Handle(null, user.Scope, db, options, clock, ct)).Value!;
        Facilities = await ListMapFacilities.Handle(user.Scope, db, ct);
        if (!string.IsNullOrWhiteSpace(Sites))
        {
            var suggestion = await SuggestSites.Handle(int.TryParse(Sites, out var k) ? k : 0, null, user.Scope, db, options, clock, ct);
            if (suggestion.Kind == OutcomeKind.Invalid) ModelState.AddFieldErrors(suggestion.Errors!);
            Suggestion = suggestion.Value;
        }
        return Page();
    }

    /// <summary>What the map script draws, as data (names stay text: the script sets textContent, ADR 19).</summary>
    public string MapJson() => JsonSerializer.Serialize(new
    {
        facilities = Facilities.Select(f => new { f.Name, f.Type, f.Status, f.Operating, f.Lat, f.Lng }),
        gaps = Reach.Gaps.Select(g => new { g.Lat, g.Lng, g.Elders, g.Priority }),
        sites = Suggestion?.Chosen.Select(s => new { s.Lat, s.Lng, s.Elders, s.Priority }) ?? [],
        circleMeters = Reach.CircleMeters / Reach.DetourFactor,
    }, JsonSerializerOptions.Web);
}
