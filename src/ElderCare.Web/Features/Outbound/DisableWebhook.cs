using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Outbound;

/// <summary>Stops a subscription at once: nothing more is queued for it, and what is queued is cancelled when its turn comes.</summary>
public static class DisableWebhook
{
    public static async Task<Outcome<WebhookResource>> Handle(Guid id, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var s = await db.WebhookSubscriptions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Outcome<WebhookResource>.NotFound("未找到该订阅。");
        if (!s.Active) return Outcome<WebhookResource>.Conflict("该订阅已停用。");
        (s.Active, s.DisabledAt, s.DisabledBy) = (false, clock.UtcNow(), user.UserName);
        s.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<WebhookResource>.Conflict("该订阅已被他人更新，请刷新后再操作。");
        }
        return WebhookResource.From(s);
    }
}
