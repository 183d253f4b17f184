using ElderCare.Web.Features.Shared;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>Sets an elder's meal record: diet needs, dining point, dine-in or delivery, and a pause.</summary>
public static class SaveMealProfile
{
    public sealed record Input(List<DietNeed>? Diets, Guid? DiningPointId, MealMode? Mode, DateOnly? SuspendedFrom, DateOnly? ResumesOn,
        string? Notes);

    public static async Task<Outcome<MealProfileResource>> Handle(Guid elderId, Input input, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var elder = await db.MealEldersInScope(scope).AsNoTracking().Select(e => new { e.Id, e.Status })
            .FirstOrDefaultAsync(e => e.Id == elderId, ct);
        if (elder is null) return Outcome<MealProfileResource>.NotFound("未找到该老年人。");

        var errors = new FieldErrors();
        input = input with { Notes = errors.Text(input.Notes, "notes", "备注", 300, multiLine: true) };
        if (elder.Status != ElderStatus.Active) errors.Add("elderId", "该老年人已迁出或去世，不能安排助餐。");
        if (input.DiningPointId is not { } pointId) errors.Add("diningPointId", "请选择助餐点。");
        else errors.AddIf(!await db.DiningPoints.InScope(scope).AnyAsync(p => p.Id == pointId, ct), "diningPointId", "所选助餐点不存在或不在您的管辖范围内。");
        if (input.Mode is null) errors.Add("mode", "请选择堂食或送餐。");
        errors.AddIf(input.Diets is { } d && d.Distinct().Count() != d.Count, "diets", "饮食需要有重复。");
        errors.AddIf(input.ResumesOn is not null && input.SuspendedFrom is null, "suspendedFrom", "填写恢复日期时请同时填写暂停日期。");
        errors.AddIf(input.ResumesOn is { } back && input.SuspendedFrom is { } from && back <= from, "resumesOn", "恢复日期应晚于暂停日期。");
        errors.AddIf(input.Notes?.Trim().Length > 300, "notes", "备注不能超过 300 个字。");
        if (errors.Any) return Outcome<MealProfileResource>.Invalid(errors);

        var profile = await db.MealProfiles.FirstOrDefaultAsync(p => p.ElderId == elderId, ct);
        if (profile is null) db.MealProfiles.Add(profile = new MealProfile { ElderId = elderId });
        profile.Diets = input.Diets?.Distinct().Order().ToList() ?? [];
        profile.DiningPointId = input.DiningPointId!.Value;
        profile.Mode = input.Mode!.Value;
        profile.SuspendedFrom = input.SuspendedFrom;
        profile.ResumesOn = input.ResumesOn;
        profile.Notes = FormValues.Trimmed(input.Notes);
        profile.UpdatedAt = clock.UtcNow();
        await db.SaveChangesAsync(ct);
        return MealProfileResource.From(profile);
    }
}
