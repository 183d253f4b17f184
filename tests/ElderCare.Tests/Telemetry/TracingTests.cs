using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Telemetry;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ElderCare.Tests.Telemetry;

/// <summary>
/// ADR 32: the OpenTelemetry SDK and its OTLP exporter are there only when Telemetry:OtlpEndpoint is set (here a loopback
/// port nothing listens on: nothing is received, and the spans are read in process with an ActivityListener); a request's
/// span keeps neither the query string nor the client's address, so a search by name or ID number leaves no trace of it.
/// </summary>
public sealed class TracingTests : IAsyncLifetime
{
    private readonly AppFactory _plain = new();
    private readonly AppFactory _exporting = new()
    {
        Settings = { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9", ["Telemetry:NodeName"] = "node-a" },
    };

    public async ValueTask InitializeAsync()
    {
        await _plain.InitializeAsync();
        await _exporting.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _exporting.DisposeAsync();
        await _plain.DisposeAsync();
    }

    [Fact]
    public void Without_an_endpoint_no_sdk_and_no_exporter_is_registered()
    {
        Assert.Null(_plain.Services.GetService<TracerProvider>());
        Assert.Null(_plain.Services.GetService<MeterProvider>());
        Assert.NotNull(_exporting.Services.GetService<TracerProvider>());
        Assert.NotNull(_exporting.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task A_search_request_span_carries_neither_the_query_nor_the_name_or_id_number_searched()
    {
        const string idNumber = "500226194510127736", name = "追踪测试老人";
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var staff = await _exporting.ClientAs(Role.DistrictStaff);
        var trace = ActivityTraceId.CreateRandom(); // this test's requests among every host's in the process
        foreach (var q in new[] { idNumber, name })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/search?q={Uri.EscapeDataString(q)}");
            request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            Assert.Equal(HttpStatusCode.OK, (await staff.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
        }

        // A request's span stops when the server has finished with it, which may be just after the client has the answer.
        List<Activity> Searches() => stopped.Where(a => a.TraceId == trace && a.GetTagItem("url.path") as string == "/api/search").ToList();
        for (var wait = 0; wait < 100 && Searches().Count < 2; wait++) await Task.Delay(50, TestContext.Current.CancellationToken);
        var searches = Searches();
        Assert.Equal(2, searches.Count); // the instrumentation described both requests …
        Assert.All(searches, a => Assert.Null(a.GetTagItem("url.query")));
        Assert.All(searches, a => Assert.Null(a.GetTagItem("client.address")));
        if (AppFactory.OnPostgres) Assert.Contains(stopped, a => a.TraceId == trace && a.Source.Name == "Npgsql"); // the queries' spans
        foreach (var a in stopped) // … and no span of the process, the database's included, holds what was searched
            foreach (var text in new[] { a.DisplayName, a.OperationName }.Concat(a.TagObjects.Select(t => t.Value?.ToString())))
            {
                Assert.DoesNotContain(idNumber, text ?? "");
                Assert.DoesNotContain(name, text ?? "");
                Assert.DoesNotContain(Uri.EscapeDataString(name), text ?? "");
            }
    }

    [Fact]
    public void An_endpoint_that_is_not_an_http_address_is_refused_naming_the_key()
    {
        var result = new SectionValidator<TelemetryOptions>("Telemetry").Validate("", new TelemetryOptions { OtlpEndpoint = "collector:4317" });
        Assert.Contains("Telemetry:OtlpEndpoint", Assert.Single(result.Failures!));
        Assert.True(new SectionValidator<TelemetryOptions>("Telemetry").Validate("", new TelemetryOptions()).Succeeded);
    }
}
