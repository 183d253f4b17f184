using ElderCare.Web.Features.Alarms;

namespace ElderCare.Tests.Alarms;

/// <summary>The console's rules: the waiting clock's colours, the duty day, and when a contact's number may be called up.</summary>
public class ConsoleRulesTests
{
    [Fact]
    public void An_unanswered_alarm_turns_amber_at_three_quarters_of_the_answer_limit_and_red_past_it()
    {
        Assert.Equal(45, AlarmWait.WarnSeconds(60));
        Assert.Equal("ok", AlarmWait.Tone(AlarmStatus.Raised, 44.9, 60));
        Assert.Equal("warn", AlarmWait.Tone(AlarmStatus.Raised, 45, 60));
        Assert.Equal("warn", AlarmWait.Tone(AlarmStatus.Raised, 60, 60));
        Assert.Equal("over", AlarmWait.Tone(AlarmStatus.Raised, 60.5, 60));
        Assert.Equal("warn", AlarmWait.Tone(AlarmStatus.Raised, 100, 120)); // the limit is the configured one, not 60
        Assert.Equal("answered", AlarmWait.Tone(AlarmStatus.Acknowledged, 500, 60));
    }

    [Fact]
    public void Waiting_times_read_as_minutes_and_seconds_never_negative()
    {
        Assert.Equal("0:00", AlarmWait.MinutesSeconds(-3));
        Assert.Equal("0:59", AlarmWait.MinutesSeconds(59.9));
        Assert.Equal("1:05", AlarmWait.MinutesSeconds(65));
        Assert.Equal("61:01", AlarmWait.MinutesSeconds(3661));
    }

    [Fact]
    public void Handled_today_starts_at_midnight_China_time()
    {
        // 2026-11-29 01:30 UTC is 09:30 in China: the day began at 2026-11-28 16:00 UTC.
        Assert.Equal(new DateTime(2026, 11, 28, 16, 0, 0, DateTimeKind.Utc), ListHandledAlarms.DayStart(new DateTime(2026, 11, 29, 1, 30, 0)));
        // 2026-11-29 17:00 UTC is already 11-30 01:00 in China.
        Assert.Equal(new DateTime(2026, 11, 29, 16, 0, 0, DateTimeKind.Utc), ListHandledAlarms.DayStart(new DateTime(2026, 11, 29, 17, 0, 0)));
    }

    [Fact]
    public void A_contacts_number_is_called_up_only_while_the_alarm_is_open_and_the_reason_names_the_alarm()
    {
        foreach (var open in new[] { AlarmStatus.Raised, AlarmStatus.Acknowledged, AlarmStatus.Dispatched, AlarmStatus.OnSite })
            Assert.Null(UnmaskContact.Refusal(open));
        Assert.NotNull(UnmaskContact.Refusal(AlarmStatus.Resolved));
        var id = Guid.NewGuid();
        Assert.Contains(id.ToString(), UnmaskContact.Reason(id, AlarmKind.Fall), StringComparison.Ordinal);
        Assert.Contains("跌倒", UnmaskContact.Reason(id, AlarmKind.Fall), StringComparison.Ordinal);
    }
}
