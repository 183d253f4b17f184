using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Tests.Alarms;

/// <summary>
/// Positions are checked by the one location check (Geo.CheckLocation), NaN refused. JSON cannot carry NaN, but the
/// console's step form can (a posted "NaN" binds to a double), so the rules are tested directly.
/// </summary>
public class AlarmInputTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(double.NaN, 105.59, "location.lat")]
    [InlineData(29.4, double.NaN, "location.lng")]
    [InlineData(91, 105.59, "location.lat")]
    [InlineData(29.4, -181, "location.lng")]
    public void An_on_site_position_off_the_globe_or_NaN_is_refused(double lat, double lng, string field)
    {
        var errors = new FieldErrors();
        AdvanceAlarm.Validate(AlarmAction.ArriveOnSite, new AdvanceAlarm.Input(null, null, new LocationResource(lat, lng), null, null, null), errors);
        Assert.Equal([field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void An_on_site_position_on_the_globe_is_taken()
    {
        var errors = new FieldErrors();
        var input = new AdvanceAlarm.Input(null, null, new LocationResource(29.4, 105.59), null, null, null);
        AdvanceAlarm.Validate(AlarmAction.ArriveOnSite, input, errors);
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData(double.NaN, 105.59, "location.lat")]
    [InlineData(29.4, double.NaN, "location.lng")]
    public void A_raised_alarm_with_a_NaN_position_is_refused(double lat, double lng, string field)
    {
        var input = new RaiseAlarm.Input(AlarmKind.Sos, new DateTimeOffset(Now), new LocationResource(lat, lng), Guid.NewGuid(), null);
        var errors = RaiseAlarm.Validate(input, "key-1", new RaiseAlarm.Caller(null, null), Now);
        Assert.Equal([field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_dispatch_names_its_responder_and_a_resolve_its_outcome()
    {
        var dispatch = new FieldErrors();
        AdvanceAlarm.Validate(AlarmAction.Dispatch, new AdvanceAlarm.Input(ResponderKind.StationHelper, " ", null, null, null, null), dispatch);
        Assert.Equal(["responderName"], dispatch.ToDictionary().Keys);
        var resolve = new FieldErrors();
        AdvanceAlarm.Validate(AlarmAction.Resolve, new AdvanceAlarm.Input(null, null, null, null, null, null), resolve);
        Assert.Equal(["outcome"], resolve.ToDictionary().Keys);
    }

    [Theory]
    [InlineData(nameof(AlarmOptions.EscalationBatch))]
    [InlineData(nameof(AlarmOptions.DeliveryBatch))]
    [InlineData(nameof(AlarmOptions.ConsoleCards))]
    public void Batch_sizes_and_the_console_cap_must_be_positive(string name)
    {
        var options = new AlarmOptions();
        typeof(AlarmOptions).GetProperty(name)!.SetValue(options, 0);
        var result = new ElderCare.Web.Infrastructure.Web.SectionValidator<AlarmOptions>("Alarms")
            .Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        Assert.Contains($"Alarms:{name}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_answer_targets_are_those_of_the_practice_98_5_percent_in_60_s_and_99_percent_in_3_min()
    {
        Assert.Equal((60, 0.985, 3, 0.99), (AlarmSla.AnswerSeconds, AlarmSla.AnswerTarget, AlarmSla.LateAnswerMinutes, AlarmSla.LateAnswerTarget));
        var defaults = new AlarmOptions();
        Assert.True(new ElderCare.Web.Infrastructure.Web.SectionValidator<AlarmOptions>("Alarms")
            .Validate(Microsoft.Extensions.Options.Options.DefaultName, defaults).Succeeded);
    }
}
