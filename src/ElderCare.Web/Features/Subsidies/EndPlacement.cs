using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>Ends a placement on a date (its last day), no earlier than it began and no later than today; once only.</summary>
public static class EndPlacement
{
    public sealed record Input(DateOnly? To);

    public static async Task<Outcome<PlacementResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var facilities = db.Facilities.InScope(user.Scope).Select(f => f.Id);
        var placement = await db.Placements.Where(p => facilities.Contains(p.FacilityId)).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (placement is null) return Outcome<PlacementResource>.NotFound("未找到该安置记录，或不在您的管辖范围内。");
        if (placement.To is not null) return Outcome<PlacementResource>.Conflict($"该安置已于 {Shared.Display.Date(placement.To)} 结束。");
        var errors = new FieldErrors();
        errors.AddIf(input.To is null, "to", "请填写离开日期。");
        errors.AddIf(input.To < placement.From, "to", "离开日期不能早于入住日期。");
        errors.AddIf(input.To > clock.Today(), "to", "离开日期不能晚于今天。");
        if (errors.Any) return Outcome<PlacementResource>.Invalid(errors);
        placement.To = input.To;
        await db.SaveChangesAsync(ct);
        return PlacementResource.Of(placement);
    }
}
