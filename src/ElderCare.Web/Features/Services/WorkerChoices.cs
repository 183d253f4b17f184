using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Features.Services;

/// <summary>What the new-worker and edit-worker forms share: their choices and how they read the base position.</summary>
public static class WorkerChoices
{
    /// <summary>The providers in scope, and the regions a worker may serve (the whole district only for district users).</summary>
    public static async Task<(IReadOnlyList<ProviderResource>, IReadOnlyList<RegionResource>)> LoadAsync(DataScope scope, AppDbContext db,
        CancellationToken ct)
    {
        var providers = await ListProviders.Handle(scope, db, ct);
        var regions = (await ListRegions.Handle(null, scope, db, ct))
            .Where(r => r.Kind != RegionKind.District || scope.Kind == ScopeKind.District).ToList();
        return (providers, regions);
    }

    /// <summary>The base position as typed; an unreadable number is reported beside the latitude, where the pair is explained.</summary>
    public static (double?, double?) Base(string? latitude, string? longitude, FieldErrors errors) =>
        (FormValues.Double(latitude, "baseLatitude", errors, "29.4048"), FormValues.Double(longitude, "baseLatitude", errors, "105.5942"));
}
