using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Outbound;

/// <summary>Every subscription, the active ones first, the newest first (a district holds a handful).</summary>
public static class ListWebhooks
{
    public static async Task<IReadOnlyList<WebhookResource>> Handle(AppDbContext db, CancellationToken ct) =>
        (await db.WebhookSubscriptions.AsNoTracking().OrderByDescending(s => s.Active).ThenByDescending(s => s.CreatedAt).ToListAsync(ct))
        .Select(WebhookResource.From).ToList();
}
