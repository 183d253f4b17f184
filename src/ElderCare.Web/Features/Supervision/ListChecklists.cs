using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

/// <summary>The supervision checklists, newest year first (the default stored first if none is).</summary>
public static class ListChecklists
{
    public static async Task<IReadOnlyList<ChecklistResource>> Handle(AppDbContext db, CancellationToken ct)
    {
        if (await SupervisionDefaults.SeedAsync(db, ct) > 0) await db.SaveChangesAsync(ct);
        return (await db.SupervisionChecklists.AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct)).Select(ChecklistResource.From)
            .ToList();
    }
}
