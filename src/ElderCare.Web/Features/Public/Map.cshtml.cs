using ElderCare.Web.Data;
using ElderCare.Web.Features.Map;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ElderCare.Web.Features.Public;

/// <summary>
/// 公众养老服务地图 (no sign-in): the nearest operating facilities and dining points to the phone's position or to a
/// chosen street, town, community or village, with the walk, services and today's menu. Large text, high contrast,
/// made for a phone; rate limited per client address.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimit.Policy)]
public sealed class PublicMapModel(AppDbContext db, MapOptions options, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(SupportsGet = true, Name = "region")] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "lat")] public double? Lat { get; set; }
    [BindProperty(SupportsGet = true, Name = "lng")] public double? Lng { get; set; }

    public IReadOnlyList<PublicPlace> Places { get; private set; } = [];
    public NearestFacilities? Result { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Places = await ListPublicPlaces.Handle(db, ct);
        if (string.IsNullOrWhiteSpace(Region) && Lat is null && Lng is null) return Page();
        var outcome = await FindNearestFacilities.Handle(Lat, Lng, Region, Type, db, options, clock, ct);
        if (outcome.Kind == OutcomeKind.Ok) Result = outcome.Value;
        else Problem = outcome.Errors?.Entries.SelectMany(e => e.Value).FirstOrDefault() ?? outcome.Message;
        return Page();
    }
}
