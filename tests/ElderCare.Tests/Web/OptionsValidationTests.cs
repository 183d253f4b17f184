using ElderCare.Tests.Resilience;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace ElderCare.Tests.Web;

/// <summary>
/// ADR 25: every options class the composition root binds is checked before the app serves or runs a command; a bad
/// value stops the start with a Chinese message naming its configuration key.
/// </summary>
public sealed class OptionsValidationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("eldercare-options-").FullName;

    /// <summary>The app's own composition root (<see cref="HostSetup.AddElderCare"/>) on the settings, and what it refuses.</summary>
    private string? Problems(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing", ContentRootPath = _root, ApplicationName = typeof(HostSetup).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddElderCare();
        using var app = builder.Build();
        return ValidatedOptions.Problems(app.Services);
    }

    [Fact]
    public void The_defaults_are_valid() => Assert.Null(Problems());

    [Theory]
    [InlineData("Database:CommandTimeoutSeconds", "0")]
    [InlineData("Database:Provider", "7")]
    [InlineData("Elders:MinimumAge", "0")]
    [InlineData("Meals:CookToEatLimitHours", "0")]
    [InlineData("Meals:SampleRetentionHours", "24")]
    [InlineData("Alarms:AcknowledgeSeconds", "0")]
    [InlineData("Alarms:OnSiteRadiusMeters", "NaN")]
    [InlineData("Alarms:HeartbeatMinutes:SmartWatch", "0")]
    [InlineData("Alarms:MaxRetrySeconds", "1")]
    [InlineData("Services:FollowUpShare", "1.5")]
    [InlineData("Services:RuralGeofenceMeters", "-1")]
    [InlineData("Spreadsheets:MaxRows", "0")]
    [InlineData("Spreadsheets:MaxPartBytes", "0")]
    [InlineData("Security:SignInAttemptsPerMinute", "0")]
    public void A_bad_value_is_refused_naming_its_key(string key, string value)
    {
        var problems = Problems((key, value));
        Assert.NotNull(problems);
        Assert.Contains(key, problems);
        Assert.Contains("无效", problems);
    }

    [Fact]
    public void Values_at_the_edges_of_their_range_are_accepted() =>
        Assert.Null(Problems(("Alarms:ClockIntervalSeconds", "0"), ("Services:FollowUpShare", "1"), ("Meals:SampleRetentionHours", "48"),
            ("Database:CommandTimeoutSeconds", "1")));

    [Fact]
    public void A_value_that_is_not_a_number_is_refused_naming_its_key() =>
        Assert.Contains("Alarms:OnSiteMinutes", Problems(("Alarms:OnSiteMinutes", "abc")));

    [Fact]
    public async Task The_app_refuses_to_start_with_a_bad_value()
    {
        using var copy = new CopiedApp();
        var (code, _, error) = await copy.RunAsync("--Alarms:AcknowledgeSeconds=0");
        Assert.Equal(StartChecks.RefusedExitCode, code);
        Assert.Contains("Alarms:AcknowledgeSeconds", error);
        Assert.False(File.Exists(copy.DatabaseFile));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
