using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

/// <summary>One supervision round with its checklist (the inspection form's items).</summary>
public static class GetSupervisionRound
{
    public sealed record Resource(SupervisionRoundResource Round, ChecklistResource Checklist);

    public static async Task<Outcome<Resource>> Handle(Guid id, AppDbContext db, CancellationToken ct)
    {
        var round = await db.SupervisionRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return Outcome<Resource>.NotFound(SupervisionQueries.RoundNotFound);
        var checklist = await db.SupervisionChecklists.AsNoTracking().FirstAsync(c => c.Id == round.ChecklistId, ct);
        return new Resource(SupervisionRoundResource.From(round), ChecklistResource.From(checklist));
    }
}
