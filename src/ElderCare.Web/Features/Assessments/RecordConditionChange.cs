using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Assessments;

public static class RecordConditionChange
{
    public sealed record Input(DateOnly? On);

    /// <summary>即时评估: a change of condition makes a reassessment due at once (Reassessment); the elder then shows as overdue.</summary>
    public static async Task<Outcome<ElderResource>> Handle(Guid elderId, Input input, CurrentUser user, AppDbContext db, FieldProtector protector,
        TimeProvider clock, CancellationToken ct)
    {
        var elder = await db.Elders.InScope(user.Scope, db).FirstOrDefaultAsync(e => e.Id == elderId, ct);
        if (elder is null) return Outcome<ElderResource>.NotFound("未找到该老年人。");
        var today = clock.Today();
        var on = input.On ?? today;
        if (on > today) return Outcome<ElderResource>.Invalid("on", "情况变化日期不能晚于今天。");
        if (elder.LastAssessedOn is null) return Outcome<ElderResource>.Conflict("该老年人尚未评估，请直接录入首次评估。");
        elder.ConditionChangedOn = on;
        elder.Version++;
        elder.UpdatedAt = clock.UtcNow();
        await db.SaveChangesAsync(ct);
        return ElderResource.From(elder, protector, today);
    }
}
