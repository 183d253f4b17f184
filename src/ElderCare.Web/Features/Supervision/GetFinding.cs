using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Supervision;

/// <summary>One finding in scope, with its history and whether it is overdue on the app clock.</summary>
public static class GetFinding
{
    public static async Task<Outcome<FindingResource>> Handle(Guid id, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await SupervisionQueries.Findings(db.SupervisionFindings.InScope(scope).Where(f => f.Id == id), db, clock.UtcNow(), ct))
            .SingleOrDefault() is { } found
            ? found
            : Outcome<FindingResource>.NotFound(SupervisionQueries.FindingNotFound);
}
