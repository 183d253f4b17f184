using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Map;

/// <summary>
/// 养老服务地图: facilities (filtered by type, 附件1 check and operation), the 15-minute circle's figures and gaps, elders on a
/// grid at district and town level, priority elders at community level, the alarms and visits of a day, site suggestions
/// on demand. Every choice is a query parameter, so a view can be bookmarked and shared.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.ReadCoverage)]
public sealed class MapModel(AppDbContext db, TimeProvider clock, CurrentUser user, MapOptions options, MapTiles tiles) : OutcomePageModel
{
    public static readonly IReadOnlyList<(string Code, string Name)> LayerNames =
    [
        ("facilities", "设施"), ("gaps", "服务圈外聚集处"), ("density", "老年人分布（网格）"), ("priority", "重点老年人（村社区层级）"),
        ("alarms", "当日报警"), ("visits", "当日上门服务"), ("boundaries", "单位边界"),
    ];

    private static readonly string[] DefaultLayers = ["facilities", "gaps", "density", "boundaries"];

    /// <summary>New stations to suggest (empty: no suggestion asked for).</summary>
    [BindProperty(SupportsGet = true, Name = "sites")]
    public string? Sites { get; set; }

    [BindProperty(SupportsGet = true, Name = "level")] public string? Level { get; set; }
    [BindProperty(SupportsGet = true, Name = "region")] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "date")] public string? Date { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "compliant")] public string? Compliant { get; set; }
    [BindProperty(SupportsGet = true, Name = "operating")] public string? Operating { get; set; }
    [BindProperty(SupportsGet = true, Name = "layer")] public string[] Layer { get; set; } = [];

    /// <summary>Set by the form: the layers were chosen (none ticked means none), else the defaults.</summary>
    [BindProperty(SupportsGet = true, Name = "f")] public string? Chosen { get; set; }

    public ReachReport Reach { get; private set; } = null!;
    public SiteSuggestion? Suggestion { get; private set; }
    public MapFacilities Facilities { get; private set; } = new([], 0, false);
    public ElderDensity? Density { get; private set; }
    public PriorityElderPoints? Priority { get; private set; }
    public DayEvents? Events { get; private set; }
    public string? TileUrl => tiles.Url;

    /// <summary>The installed package holds vector tiles: drawn in the browser (Leaflet.VectorGrid).</summary>
    public bool VectorTiles => tiles.Installed && MapTileFormat.IsVector(options.TilesFile);
    public IReadOnlySet<string> Layers { get; private set; } = new HashSet<string>();
    public string LevelOrDefault => string.IsNullOrWhiteSpace(Level) ? "district" : Level;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Layers = (Chosen is null ? DefaultLayers : Layer).Where(l => LayerNames.Any(n => n.Code == l)).ToHashSet(StringComparer.Ordinal);
        Reach = (await GetReach.Handle(null, user.Scope, db, options, clock, ct)).Value!;
        Facilities = await ListMapFacilities.Handle(Reach.AsOf, user.Scope, db, ct);
        if (Layers.Contains("density")) Density = Take(await ListElderDensity.Handle(Level, Region, null, user.Scope, db, clock, ct));
        if (Layers.Contains("priority") && LevelOrDefault == "community")
            Priority = Take(await ListPriorityElderPoints.Handle(Region, null, user.Scope, db, clock, ct));
        if (Layers.Contains("alarms") || Layers.Contains("visits")) Events = Take(await ListDayEvents.Handle(Date, user.Scope, db, clock, ct));
        if (!string.IsNullOrWhiteSpace(Sites))
        {
            var suggestion = await SuggestSites.Handle(int.TryParse(Sites, out var k) ? k : 0, null, user.Scope, db, options, clock, ct);
            if (suggestion.Kind == OutcomeKind.Invalid) ModelState.AddFieldErrors(suggestion.Errors!);
            Suggestion = suggestion.Value;
        }
        return Page();
    }

    /// <summary>A layer's answer, or null with its field errors beside the form (a region out of scope draws nothing).</summary>
    private T? Take<T>(Outcome<T> outcome) where T : class
    {
        if (outcome.Kind == OutcomeKind.Invalid) ModelState.AddFieldErrors(outcome.Errors!);
        return outcome.Value;
    }

    public bool HasError(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    /// <summary>What the map script draws, as data (names stay text: the script sets textContent, ADR 19).</summary>
    public string MapJson() => JsonSerializer.Serialize(new
    {
        layers = Layers,
        boundaryLevel = LevelOrDefault == "district" ? "town" : "community", // GET /api/map/boundaries?level=
        facilities = Facilities.Items.Select(f => new { f.Id, f.Name, f.Type, f.TypeCode, f.Status, f.Operating, f.Compliant, f.Lat, f.Lng }),
        gaps = Reach.Gaps.Select(g => new { g.Lat, g.Lng, g.Elders, g.Priority }),
        sites = Suggestion?.Chosen.Select(s => new { s.Lat, s.Lng, s.Elders, s.Priority }) ?? [],
        density = Density?.Cells ?? [],
        priority = Priority?.Points.Select(p => new { p.MaskedName, p.Age, p.Groups, p.Lat, p.Lng }) ?? [],
        alarms = Layers.Contains("alarms") ? Events?.Alarms ?? [] : [],
        visits = Layers.Contains("visits") ? Events?.Visits ?? [] : [],
        circleMeters = Reach.CircleMeters / Reach.DetourFactor,
    }, JsonSerializerOptions.Web);
}
