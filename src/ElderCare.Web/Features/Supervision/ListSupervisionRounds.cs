using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

/// <summary>The supervision rounds (of a year, when given), newest month first; at most 120.</summary>
public static class ListSupervisionRounds
{
    public static async Task<IReadOnlyList<SupervisionRoundResource>> Handle(int? year, AppDbContext db, CancellationToken ct)
    {
        var rounds = db.SupervisionRounds.AsNoTracking();
        if (year is { } y) rounds = rounds.Where(r => r.Year == y);
        return (await rounds.OrderByDescending(r => r.Year).ThenByDescending(r => r.Month).ThenBy(r => r.Organisation).Take(120).ToListAsync(ct))
            .Select(SupervisionRoundResource.From).ToList();
    }
}
