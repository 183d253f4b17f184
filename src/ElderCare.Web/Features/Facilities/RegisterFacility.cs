using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Facilities;

public static class RegisterFacility
{
    public static async Task<Outcome<FacilityResource>> Handle(
        FacilityInput input, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var text = new FieldErrors();
        input = FacilityValidation.CleanText(input, text);
        if (text.Any) return Outcome<FacilityResource>.Invalid(text);
        var errors = await FacilityValidation.ValidateAsync(input, null, scope, db, ct);
        if (errors.Any) return Outcome<FacilityResource>.Invalid(errors);

        var now = clock.UtcNow();
        var facility = new Facility { Name = "", RegionCode = "", UnitCode = "", CreatedAt = now, UpdatedAt = now };
        FacilityValidation.ApplyTo(input, facility);
        var status = input.Status ?? FacilityStatus.Planned;
        var since = input.StatusDate ?? (status == FacilityStatus.Operating ? input.OpenedOn : null) ?? clock.Today();
        facility.ChangeStatus(status, since, now);
        db.Facilities.Add(facility);
        await db.SaveChangesAsync(ct);
        return await GetFacility.Handle(facility.Id, scope, db, ct);
    }
}
