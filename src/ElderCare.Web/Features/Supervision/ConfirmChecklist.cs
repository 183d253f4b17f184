using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

/// <summary>
/// The district confirms a seeded checklist and its deadline table as its own (ADR 0023): the 待确认 mark goes, the source
/// (a document number or a reason) and the user are kept.
/// </summary>
public static class ConfirmChecklist
{
    public sealed record Input(string? Source);

    public static Task<Outcome<ChecklistResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        Placeholders.Confirm(input.Source, user, clock, db, () => db.SupervisionChecklists.FirstOrDefaultAsync(c => c.Id == id, ct),
            "找不到该督导检查表。", "该督导检查表", ChecklistResource.From, ct);
}
