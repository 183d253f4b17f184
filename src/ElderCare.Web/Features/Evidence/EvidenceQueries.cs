using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;

namespace ElderCare.Web.Features.Evidence;

public static class EvidenceQueries
{
    /// <summary>Evidence files the user may see: those of the facilities in scope (ADR 19: scoped like a read of the facility).</summary>
    public static IQueryable<EvidenceFile> InScope(this IQueryable<EvidenceFile> files, DataScope scope, AppDbContext db) =>
        scope.Kind == ScopeKind.District ? files : files.Where(e => db.Facilities.InScope(scope).Any(f => f.Id == e.FacilityId));
}
