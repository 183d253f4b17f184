using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Facilities;

public static class UpdateFacility
{
    /// <summary>Replaces the facility's data; optimistic concurrency on <c>version</c> (409 when stale).</summary>
    public static async Task<Outcome<FacilityResource>> Handle(
        Guid id, FacilityInput input, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var facility = await db.Facilities.InScope(scope).Include(f => f.StatusHistory).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (facility is null) return Outcome<FacilityResource>.NotFound("未找到该设施。");

        var text = new FieldErrors();
        input = FacilityValidation.CleanText(input, text);
        if (text.Any) return Outcome<FacilityResource>.Invalid(text);
        var errors = await FacilityValidation.ValidateAsync(input, id, scope, db, ct);
        errors.AddIf(input.Version is null, "version", "请提供读取时的版本号 version。");
        if (errors.Any) return Outcome<FacilityResource>.Invalid(errors);
        if (input.Version != facility.Version)
            return Outcome<FacilityResource>.Conflict($"该设施已被他人修改（当前版本 {facility.Version}，提交版本 {input.Version}），请刷新后重试。");

        var now = clock.UtcNow();
        FacilityValidation.ApplyTo(input, facility);
        if (input.Status is { } status && status != facility.Status)
            facility.ChangeStatus(status, input.StatusDate ?? clock.Today(), now);
        facility.Version++;
        facility.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<FacilityResource>.Conflict("该设施刚被他人修改，请刷新后重试。");
        }
        return await GetFacility.Handle(id, scope, db, ct);
    }
}
