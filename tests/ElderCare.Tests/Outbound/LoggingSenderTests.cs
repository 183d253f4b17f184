using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Outbound;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Outbound;

/// <summary>Without "Sms:GatewayUrl" the logging sender and the logging notifier stay the defaults (ADR 29).</summary>
[Collection(nameof(SharedApp))]
public class LoggingSenderTests(AppFactory app)
{
    [Fact]
    public async Task Without_a_gateway_a_text_message_is_logged_masked_and_counts_as_sent()
    {
        Assert.IsType<LoggingSmsGateway>(app.Services.GetRequiredService<ISmsGateway>());
        Assert.IsType<LoggingNotifier>(app.Services.GetRequiredService<INotifier>());
        var subject = "logging-" + Guid.NewGuid().ToString("N");
        await using var scope = app.Scope(out var db);
        var s = scope.ServiceProvider;
        Assert.True(await SmsQueue.AddAsync(db, s.GetRequiredService<FieldProtector>(), SmsTemplate.Reminder, "13600001111",
            new Dictionary<string, string> { ["item"] = "复评" }, subject, null, app.Clock.GetUtcNow().UtcDateTime, default));
        await db.SaveChangesAsync();
        await s.GetRequiredService<OutboxSender>().RunOnceAsync(s.GetRequiredService<AppDbContext>(), default);
        var eventId = Signing.EventId("sms.reminder", subject);
        var row = await db.Outbox.AsNoTracking().SingleAsync(m => m.EventId == eventId);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.StartsWith("log-", row.GatewayMessageId);
    }
}
