using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Outbound;

/// <summary>One subscription (without its secret).</summary>
public static class GetWebhook
{
    public static async Task<Outcome<WebhookResource>> Handle(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s
            ? WebhookResource.From(s)
            : Outcome<WebhookResource>.NotFound("未找到该订阅。");
}
