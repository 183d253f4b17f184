using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Features.Supervision;

/// <summary>One inspection in scope, with the checklist text of each result.</summary>
public static class GetInspection
{
    public static async Task<Outcome<InspectionResource>> Handle(Guid id, DataScope scope, AppDbContext db, CancellationToken ct) =>
        (await SupervisionQueries.Inspections(db.Inspections.InScope(scope).Where(i => i.Id == id), db, ct)).SingleOrDefault() is { } found
            ? found
            : Outcome<InspectionResource>.NotFound(SupervisionQueries.InspectionNotFound);
}
