using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using ElderCare.Tests.Alarms;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Telemetry;

/// <summary>
/// ADR 32: the meter "ElderCare" counts the alarms taken in and times their intake, tagged with the source only (device
/// or hotline, never the device, the elder or the operator). Read in process with a MeterListener of this host's meters;
/// no exporter.
/// </summary>
public class AlarmIntakeMetricsTests(AlarmsApp app) : IClassFixture<AlarmsApp>
{
    private sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

    [Fact]
    public async Task Raising_alarms_through_the_api_records_the_intake_count_and_time_by_source()
    {
        var seen = new ConcurrentQueue<Measurement>();
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ElderCareMetrics.Name && instrument.Meter.Scope == meters) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => seen.Enqueue(new(i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => seen.Enqueue(new(i.Name, v, Tags(tags))));
        listener.Start();

        var elder = await AlarmsApiTests.Elder(app);
        var (_, key) = await AlarmsApiTests.Device(app, elder);
        var occurred = AppFactory.Start.AddSeconds(-5);
        using var device = app.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await device.SendAsync(AlarmsApiTests.AlarmRequest(key, "metrics-1",
            new { kind = "sos", occurredAt = occurred }), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await device.SendAsync(AlarmsApiTests.AlarmRequest(key, "metrics-1", // a retry: not a new alarm
            new { kind = "sos", occurredAt = occurred }), TestContext.Current.CancellationToken)).StatusCode);
        var staff = await app.ClientAs(Role.DistrictStaff);
        Assert.Equal(HttpStatusCode.Created, (await staff.SendAsync(AlarmsApiTests.AlarmRequest(null, "metrics-2",
            new { kind = "fall", occurredAt = occurred, elderId = elder }), TestContext.Current.CancellationToken)).StatusCode);

        var accepted = seen.Where(m => m.Instrument == "eldercare.alarms.accepted").ToList();
        Assert.Equal([("device", 1.0), ("hotline", 1.0)], accepted.Select(m => ((string)m.Tags["source"]!, m.Value)).Order());
        var intake = seen.Where(m => m.Instrument == "eldercare.alarms.intake.duration").ToList();
        Assert.Equal(["device", "hotline"], intake.Select(m => (string)m.Tags["source"]!).Order());
        Assert.All(intake, m => Assert.True(m.Value >= 0));
        Assert.All(accepted.Concat(intake), m => Assert.Equal(["source"], m.Tags.Keys)); // nothing that names a person or a device
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var d = new Dictionary<string, object?>();
        foreach (var (k, v) in tags) d[k] = v;
        return d;
    }
}
