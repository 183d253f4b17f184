using ElderCare.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ElderCare.Tests.Telemetry;

/// <summary>ADR 32: in Production the console writes one JSON object per line (for a log collector), with UTC times and
/// Chinese as is; elsewhere the simple console stays.</summary>
public sealed class JsonLogsTests
{
    private sealed class ProductionApp : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public async Task Production_logs_to_the_console_as_json_and_the_tests_environment_does_not()
    {
        await using var production = new ProductionApp();
        await production.InitializeAsync();
        Assert.Equal(ConsoleFormatterNames.Json, FormatterOf(production));
        var json = production.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.True(json.UseUtcTimestamp);
        Assert.Equal("\"长者\"", System.Text.Json.JsonSerializer.Serialize("长者", new System.Text.Json.JsonSerializerOptions
        {
            Encoder = json.JsonWriterOptions.Encoder,
        }));

        await using var testing = new AppFactory();
        await testing.InitializeAsync();
        Assert.NotEqual(ConsoleFormatterNames.Json, FormatterOf(testing));
    }

    private static string? FormatterOf(AppFactory app) =>
        app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
}
