using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ElderCare.Web.Infrastructure.Web;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ElderCare.Web.Infrastructure.Telemetry;

/// <summary>
/// Operations at scale (ADR 32): JSON console logs in Production (one object per line for a log collector; Development
/// and the tests keep the simple console), the app's own measures (<see cref="ElderCareMetrics"/>), and — only when
/// <c>Telemetry:OtlpEndpoint</c> is set — the OpenTelemetry SDK exporting traces and metrics of the requests, PostgreSQL,
/// the background passes and the app over OTLP. Without an endpoint no SDK, no exporter, nothing leaves the machine.
/// </summary>
public static class TelemetrySetup
{
    public static void AddTelemetry(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<TelemetryOptions>(builder.Configuration, "Telemetry");
        services.AddSingleton<ElderCareMetrics>();
        if (builder.Environment.IsProduction())
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) }; // 中文原样
            });

        var options = builder.Configuration.GetSection("Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Endpoint is not { } endpoint) return;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName,
                serviceInstanceId: options.NodeName is { Length: > 0 } node ? node : Environment.MachineName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/health"); // the load balancer's probes
                    o.EnrichWithHttpRequest = WithoutPersonalData;
                })
                .AddNpgsql()
                .AddSource(ElderCareMetrics.Name)
                .AddOtlpExporter(o => o.Endpoint = endpoint))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(ElderCareMetrics.Name)
                .AddOtlpExporter(o => o.Endpoint = endpoint));
    }

    /// <summary>
    /// A query string may carry a name, an ID number or a phone (the search box's <c>q=</c>; 个人信息保护法 §51 security
    /// measures): a request's span keeps its method, route and status but neither the query nor the client's address.
    /// </summary>
    internal static void WithoutPersonalData(Activity span, HttpRequest request)
    {
        span.SetTag("url.query", null);
        span.SetTag("client.address", null);
    }
}
