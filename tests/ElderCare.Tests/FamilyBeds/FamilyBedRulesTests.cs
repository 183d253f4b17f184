using ElderCare.Web.Features.FamilyBeds;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.Extensions.Configuration;

namespace ElderCare.Tests.FamilyBeds;

public class FamilyBedRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static FieldErrors Check(int? visitHour = 9, int? visitsPerMonth = 4, FamilyBedOptions? options = null)
    {
        var errors = new FieldErrors();
        RegisterFamilyBed.Validate(new RegisterFamilyBed.Input(null, null, null, ["grab-bars"], ["一键呼叫器"], null, visitsPerMonth, visitHour),
            options ?? new FamilyBedOptions(), Today, errors);
        return errors;
    }

    [Theory]
    [InlineData(6)]
    [InlineData(20)]
    [InlineData(null)]
    public void Visits_start_in_the_daytime_from_6_to_20_oclock(int? hour) => Assert.False(Check(visitHour: hour).Any);

    [Theory]
    [InlineData(5)]
    [InlineData(21)]
    public void A_visit_hour_outside_6_to_20_is_refused_with_the_configured_hours(int hour) =>
        Assert.Equal(["上门时间为 6 至 20 点。"], Check(visitHour: hour).ToDictionary()["visitHour"]);

    [Fact]
    public void The_visit_hours_are_options()
    {
        var options = new FamilyBedOptions { EarliestVisitHour = 8, LatestVisitHour = 18 };
        Assert.Equal(["上门时间为 8 至 18 点。"], Check(visitHour: 7, options: options).ToDictionary()["visitHour"]);
        Assert.False(Check(visitHour: 18, options: options).Any);
    }

    [Theory]
    [InlineData("-1", "20")]
    [InlineData("6", "24")]
    [InlineData("21", "20")]
    public void Visit_hours_out_of_the_day_or_in_the_wrong_order_stop_the_start(string earliest, string latest)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FamilyBeds:EarliestVisitHour"] = earliest, ["FamilyBeds:LatestVisitHour"] = latest,
        }).Build();
        Assert.True(Validate(config.GetSection("FamilyBeds").Get<FamilyBedOptions>()!).Failed);
    }

    [Fact]
    public void Without_configuration_the_visit_hours_are_6_to_20()
    {
        var options = new ConfigurationBuilder().Build().GetSection("FamilyBeds").Get<FamilyBedOptions>() ?? new FamilyBedOptions();
        Assert.Equal((6, 20), (options.EarliestVisitHour, options.LatestVisitHour));
        Assert.True(Validate(options).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(null)]
    public void A_care_plan_has_1_to_31_visits_a_month(int? visits) =>
        Assert.True(Check(visitsPerMonth: visits).ToDictionary().ContainsKey("visitsPerMonth"));

    [Fact]
    public void Unknown_adaptation_items_and_future_signing_dates_are_refused()
    {
        var errors = new FieldErrors();
        var (adaptations, devices) = RegisterFamilyBed.Validate(
            new RegisterFamilyBed.Input(null, null, Today.AddDays(1), [" grab-bars ", "grab-bars", "wings"], [" 烟感 ", "", "烟感"], null, 4, 9),
            new FamilyBedOptions(), Today, errors);
        Assert.Equal(["adaptations", "signedOn"], errors.ToDictionary().Keys.Order());
        Assert.Equal(["grab-bars", "wings"], adaptations);
        Assert.Equal(["烟感"], devices);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(FamilyBedOptions options) =>
        new ElderCare.Web.Infrastructure.Web.SectionValidator<FamilyBedOptions>("FamilyBeds")
            .Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
}
