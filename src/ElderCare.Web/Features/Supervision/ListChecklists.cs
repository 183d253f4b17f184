using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

/// <summary>The supervision checklists, newest year first (the default stored first if none is).</summary>
public static class ListChecklists
{
    public static async Task<IReadOnlyList<ChecklistResource>> Handle(AppDbContext db, CancellationToken ct)
    {
        await SupervisionDefaults.EnsureAsync(db, ct);
        return (await db.SupervisionChecklists.AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct)).Select(ChecklistResource.From)
            .ToList();
    }
}
