using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Outbound;
using ElderCare.Web.Infrastructure.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ElderCare.Tests.Telemetry;

/// <summary>ADR 32: after each outbox pass the age of the oldest message not yet sent is measured (a receiver that is down
/// makes it grow), on the fake clock.</summary>
public class OutboxLagMetricsTests(OutboxLagMetricsTests.Factory app) : IClassFixture<OutboxLagMetricsTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        public Factory() => Settings["Outbound:IntervalSeconds"] = "0"; // the test runs the pass
    }

    [Fact]
    public async Task An_outbox_pass_records_the_age_of_the_oldest_unsent_message()
    {
        var lags = new ConcurrentQueue<(double Seconds, object? Outbox)>();
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "eldercare.outbox.lag") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, v, tags, _) => lags.Enqueue((v, tags.ToArray().Single(t => t.Key == "outbox").Value)));
        listener.Start();

        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using (var scope = app.Scope(out var db))
        {
            db.Outbox.Add(new OutboxMessage
            {
                Kind = OutboxKind.Webhook, EventId = "lag-" + Guid.NewGuid().ToString("N"), EventType = "alarm.raised", Target = "lag-test",
                Payload = "{}", Status = OutboxStatus.Pending, CreatedAt = now.AddSeconds(-90), NextAttemptAt = now.AddMinutes(5), // waiting to retry
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var pass = app.Services.GetServices<IHostedService>().OfType<OutboxPass>().Single();
        Assert.True(await pass.PassAsync(TestContext.Current.CancellationToken));

        var (seconds, outbox) = Assert.Single(lags);
        Assert.Equal("outbound", outbox);
        Assert.True(seconds >= 90, $"lag {seconds} s"); // the oldest unsent row of this database (others may be older)
    }
}
