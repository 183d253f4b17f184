using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// The workers page: a page of <see cref="ListWorkers"/> with the names of the providers and regions it mentions (names
/// only, so a caregiver reading their own record sees their provider's name too).
/// </summary>
public static class ListWorkerRoster
{
    public sealed record Roster(Paged<WorkerResource> Workers, IReadOnlyDictionary<Guid, string> ProviderNames,
        IReadOnlyDictionary<string, string> RegionNames);

    public static async Task<Outcome<Roster>> Handle(ListWorkers.Query query, DataScope scope, AppDbContext db, FieldProtector protector,
        CancellationToken ct)
    {
        var outcome = await ListWorkers.Handle(query, scope, db, protector, ct);
        if (!outcome.IsOk) return Outcome<Roster>.Invalid(outcome.Errors!);
        var workers = outcome.Value!;
        var providerIds = workers.Items.Select(w => w.ProviderId).Distinct().ToList();
        var providers = await db.ServiceProviders.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var regions = await RegionQueries.NamesAsync(db, workers.Items.SelectMany(w => w.RegionCodes), ct);
        return new Roster(workers, providers, regions);
    }
}
