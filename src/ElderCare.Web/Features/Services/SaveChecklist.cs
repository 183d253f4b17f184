using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

public sealed record ChecklistResource(string ItemCode, IReadOnlyList<string> Steps);

/// <summary>
/// Sets the checklist (操作步骤) of a catalogue item, by its code so every price version shares it; an empty list removes
/// it. The steps are free text (ADR 20), at most <see cref="VisitProofRules.MaxSteps"/>.
/// </summary>
public static class SaveChecklist
{
    public sealed record Input(List<string>? Steps);

    public static async Task<Outcome<ChecklistResource>> Handle(Guid itemId, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var code = await db.ServiceItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.Code).FirstOrDefaultAsync(ct);
        if (code is null) return Outcome<ChecklistResource>.NotFound("未找到该服务项目。");
        var errors = new FieldErrors();
        var cleaned = errors.Texts(input.Steps, "steps", "操作步骤", VisitProofRules.StepMaxLength);
        if (errors.Any) return Outcome<ChecklistResource>.Invalid(errors);
        var (steps, problem) = VisitProofRules.Steps(cleaned);
        if (problem is not null) return Outcome<ChecklistResource>.Invalid("steps", problem);
        var list = await db.ServiceChecklists.FirstOrDefaultAsync(c => c.ItemCode == code, ct);
        if (list is null)
        {
            list = new ServiceChecklist { ItemCode = code };
            db.ServiceChecklists.Add(list);
        }
        list.Steps = steps;
        list.UpdatedAt = clock.UtcNow();
        list.UpdatedBy = user.UserName;
        await db.SaveChangesAsync(ct);
        return new ChecklistResource(code, steps);
    }
}

/// <summary>The checklist of a catalogue item (by id, or by code for a visit); an item without one has no steps.</summary>
public static class GetChecklist
{
    public static async Task<Outcome<ChecklistResource>> Handle(Guid itemId, AppDbContext db, CancellationToken ct)
    {
        var code = await db.ServiceItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.Code).FirstOrDefaultAsync(ct);
        if (code is null) return Outcome<ChecklistResource>.NotFound("未找到该服务项目。");
        return new ChecklistResource(code, await Steps(code, db, ct));
    }

    public static async Task<List<string>> Steps(string itemCode, AppDbContext db, CancellationToken ct) =>
        await db.ServiceChecklists.AsNoTracking().Where(c => c.ItemCode == itemCode).Select(c => c.Steps).FirstOrDefaultAsync(ct) ?? [];
}
