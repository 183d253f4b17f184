using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

public sealed record PlacementResource(Guid Id, Guid ElderId, Guid FacilityId, string UnitCode, DateOnly From, DateOnly? To)
{
    public static PlacementResource Of(Placement p) => new(p.Id, p.ElderId, p.FacilityId, p.UnitCode, p.From, p.To);
}

/// <summary>
/// 集中供养: places an active 特困 elder in scope in a facility in scope (三(二)(三)); one placement at a time per elder.
/// The fee goes through the street or town the facility lies in.
/// </summary>
public static class RegisterPlacement
{
    public sealed record Input(Guid? ElderId, Guid? FacilityId, DateOnly? From);

    public static async Task<Outcome<PlacementResource>> Handle(Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var scope = user.Scope;
        var errors = new FieldErrors();
        var elder = input.ElderId is { } eid
            ? await db.Elders.AsNoTracking().InScope(scope, db).FirstOrDefaultAsync(e => e.Id == eid && e.Status == ElderStatus.Active, ct)
            : null;
        errors.AddIf(elder is null, "elderId", "找不到该老年人，或不在您的管辖范围内。");
        errors.AddIf(elder is not null && !elder.Categories.Contains(ElderCategory.ExtremePoverty), "elderId",
            "该老年人未登记为特困人员，集中供养费用仅适用于特困人员。");
        var facility = input.FacilityId is { } fid
            ? await db.Facilities.AsNoTracking().InScope(scope).FirstOrDefaultAsync(f => f.Id == fid, ct)
            : null;
        errors.AddIf(facility is null, "facilityId", "找不到该设施，或不在您的管辖范围内。");
        errors.AddIf(input.From is null, "from", "请填写入住日期。");
        errors.AddIf(input.From > clock.Today(), "from", "入住日期不能晚于今天。");
        if (errors.Any) return Outcome<PlacementResource>.Invalid(errors);
        if (await db.Placements.AnyAsync(p => p.ElderId == elder!.Id && (p.To == null || p.To >= input.From), ct))
            return Outcome<PlacementResource>.Conflict("该老年人在此日期已有集中供养安置，请先办理离开。");
        var placement = new Placement
        {
            ElderId = elder!.Id, FacilityId = facility!.Id, UnitCode = facility.UnitCode, From = input.From!.Value,
            RecordedBy = user.UserName ?? "", RecordedAt = clock.UtcNow(),
        };
        db.Placements.Add(placement);
        await db.SaveChangesAsync(ct);
        return PlacementResource.Of(placement);
    }
}
