using ElderCare.Web.Infrastructure.Web;
using ElderCare.Web.Features.Alarms;

namespace ElderCare.Tests.Alarms;

public class AlarmRulesTests
{
    private static readonly AlarmOptions Options = new();
    private static readonly DateTime Raised = new(2026, 11, 29, 2, 0, 0, DateTimeKind.Utc);

    private static AlarmClockFacts Open(DateTime? ack = null, DateTime? onSite = null, DateTime? district = null, DateTime? town = null,
        DateTime? resolved = null) =>
        new(Guid.NewGuid(), Raised, ack, onSite, resolved, district, town);

    [Theory]
    [InlineData(AlarmStatus.Raised, AlarmAction.Acknowledge, AlarmStatus.Acknowledged)]
    [InlineData(AlarmStatus.Acknowledged, AlarmAction.Dispatch, AlarmStatus.Dispatched)]
    [InlineData(AlarmStatus.Dispatched, AlarmAction.ArriveOnSite, AlarmStatus.OnSite)]
    [InlineData(AlarmStatus.OnSite, AlarmAction.Resolve, AlarmStatus.Resolved)]
    [InlineData(AlarmStatus.Raised, AlarmAction.Resolve, AlarmStatus.Resolved)]
    [InlineData(AlarmStatus.Dispatched, AlarmAction.Resolve, AlarmStatus.Resolved)]
    public void Response_chain_raised_acknowledged_dispatched_on_site_resolved(AlarmStatus from, AlarmAction action, AlarmStatus to) =>
        Assert.Equal(to, AlarmLifecycle.Next(from, action));

    [Theory]
    [InlineData(AlarmStatus.Raised, AlarmAction.Dispatch)]
    [InlineData(AlarmStatus.Raised, AlarmAction.ArriveOnSite)]
    [InlineData(AlarmStatus.Acknowledged, AlarmAction.ArriveOnSite)]
    [InlineData(AlarmStatus.Acknowledged, AlarmAction.Acknowledge)]
    [InlineData(AlarmStatus.Resolved, AlarmAction.Resolve)]
    [InlineData(AlarmStatus.Resolved, AlarmAction.Acknowledge)]
    public void A_step_cannot_be_skipped_or_repeated_and_a_resolved_alarm_is_closed(AlarmStatus from, AlarmAction action)
    {
        Assert.Null(AlarmLifecycle.Next(from, action));
        Assert.Contains(from == AlarmStatus.Resolved ? "处置完毕" : "不能", AlarmLifecycle.Refusal(from, action));
    }

    [Fact]
    public void Not_acknowledged_in_60_s_escalates_to_the_district_duty_desk_once()
    {
        Assert.Empty(Escalation.Due(Open(), Raised.AddSeconds(59), Options));
        Assert.Equal([EscalationKind.DistrictDutyDesk], Escalation.Due(Open(), Raised.AddSeconds(60), Options));
        Assert.Empty(Escalation.Due(Open(district: Raised.AddSeconds(61)), Raised.AddSeconds(120), Options));
        Assert.Empty(Escalation.Due(Open(ack: Raised.AddSeconds(30)), Raised.AddMinutes(5), Options));
        // Acknowledged late, before the clock looked: still marked as escalated (it missed the 60 s).
        Assert.Equal([EscalationKind.DistrictDutyDesk], Escalation.Due(Open(ack: Raised.AddSeconds(90)), Raised.AddSeconds(95), Options));
    }

    [Fact]
    public void Not_on_site_in_30_min_escalates_to_the_town_officer()
    {
        var acked = Open(ack: Raised.AddSeconds(20));
        Assert.Empty(Escalation.Due(acked, Raised.AddMinutes(29).AddSeconds(59), Options));
        Assert.Equal([EscalationKind.TownOfficer], Escalation.Due(acked, Raised.AddMinutes(30), Options));
        Assert.Empty(Escalation.Due(Open(ack: Raised.AddSeconds(20), onSite: Raised.AddMinutes(25)), Raised.AddMinutes(40), Options));
        Assert.Equal([EscalationKind.DistrictDutyDesk, EscalationKind.TownOfficer], Escalation.Due(Open(), Raised.AddMinutes(31), Options));
        Assert.Empty(Escalation.Due(Open(resolved: Raised.AddMinutes(2)), Raised.AddHours(1), Options));
    }

    [Fact]
    public void The_deadlines_are_configuration()
    {
        var rural = new AlarmOptions { AcknowledgeSeconds = 30, OnSiteMinutes = 45 };
        Assert.Equal([EscalationKind.DistrictDutyDesk], Escalation.Due(Open(), Raised.AddSeconds(30), rural));
        Assert.Equal([EscalationKind.TownOfficer], Escalation.Due(Open(ack: Raised), Raised.AddMinutes(45), rural));
        Assert.Empty(Escalation.Due(Open(ack: Raised), Raised.AddMinutes(44), rural));
    }

    [Fact]
    public void Outbox_retries_back_off_5_10_20_seconds_up_to_10_minutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), Escalation.RetryDelay(1, Options));
        Assert.Equal(TimeSpan.FromSeconds(10), Escalation.RetryDelay(2, Options));
        Assert.Equal(TimeSpan.FromSeconds(20), Escalation.RetryDelay(3, Options));
        Assert.Equal(TimeSpan.FromMinutes(10), Escalation.RetryDelay(30, Options));
    }

    [Fact]
    public void SLA_share_acknowledged_within_60_s_and_3_min_counts_unanswered_alarms_as_misses()
    {
        AlarmTimes A(int ackSeconds, AlarmOutcome? outcome = AlarmOutcome.RealEmergency, int? onSiteMinutes = null) =>
            new(Raised, ackSeconds < 0 ? null : Raised.AddSeconds(ackSeconds), onSiteMinutes is { } m ? Raised.AddMinutes(m) : null, outcome);
        var f = AlarmSla.Compute([A(10), A(60), A(61), A(180), A(181), A(-1, null), A(5, AlarmOutcome.Test), A(20, AlarmOutcome.FalseAlarm)]);
        Assert.Equal(7, f.Alarms); // the test alarm is left out
        Assert.Equal(6, f.Acknowledged);
        Assert.Equal(Math.Round(3.0 / 7, 4), f.AcknowledgedWithin60sShare); // 10 s, 60 s, 20 s
        Assert.Equal(Math.Round(5.0 / 7, 4), f.AcknowledgedWithin3MinShare);
        Assert.Equal(Math.Round(1.0 / 6, 4), f.FalseAlarmShare); // among the 6 resolved ones
    }

    [Fact]
    public void SLA_on_site_median_and_90th_percentile_in_minutes()
    {
        var times = Enumerable.Range(1, 10).Select(m => new AlarmTimes(Raised, Raised.AddSeconds(10), Raised.AddMinutes(m * 5),
            AlarmOutcome.RealEmergency)).ToList();
        var f = AlarmSla.Compute(times);
        Assert.Equal(10, f.OnSite);
        Assert.Equal(27.5, f.OnSiteMedianMinutes);
        Assert.Equal(45.5, f.OnSiteP90Minutes);
        var none = AlarmSla.Compute([]);
        Assert.Null(none.AcknowledgedWithin60sShare);
        Assert.Null(none.OnSiteMedianMinutes);
    }

    [Fact]
    public void Rate_limit_never_refuses_the_first_alarm_of_a_device_then_refills()
    {
        var now = new DateTimeOffset(Raised);
        var bucket = new TokenBucket(3, TimeSpan.FromSeconds(6), now);
        Assert.True(bucket.TryTake(now, out _));
        Assert.True(bucket.TryTake(now, out _));
        Assert.True(bucket.TryTake(now, out _));
        Assert.False(bucket.TryTake(now, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(6), wait);
        Assert.True(bucket.TryTake(now.AddSeconds(6), out _));
    }

    [Fact]
    public void Rate_limit_charges_concurrent_copies_of_one_request_once()
    {
        var now = new DateTimeOffset(Raised);
        var bucket = new TokenBucket(1, TimeSpan.FromSeconds(6), now);
        Assert.True(bucket.TryTake(now, "k1", out _));
        Assert.True(bucket.TryTake(now, "k1", out _)); // the same request again: free, it will meet the first at the unique index
        Assert.False(bucket.TryTake(now, "k2", out _));
    }

    [Fact]
    public void Rate_limit_gives_back_the_token_of_a_request_that_turned_out_a_replay_but_never_past_the_capacity()
    {
        var now = new DateTimeOffset(Raised);
        var bucket = new TokenBucket(1, TimeSpan.FromSeconds(6), now);
        Assert.True(bucket.TryTake(now, "old", out _, out var charged));
        Assert.True(charged);
        Assert.True(bucket.TryTake(now, "old", out _, out var copy));
        Assert.False(copy); // a copy passes free: it has nothing to give back
        bucket.Refund(); // "old" met the unique index: a replay of a stored alarm (ADR 32)
        Assert.True(bucket.TryTake(now, "k2", out _));
        bucket.Refund();
        bucket.Refund();
        Assert.True(bucket.TryTake(now, "k3", out _));
        Assert.False(bucket.TryTake(now, "k4", out _));
    }

    [Fact]
    public void Device_keys_carry_the_device_id_and_only_the_hash_of_the_secret_is_kept()
    {
        var id = Guid.CreateVersion7();
        var (key, hash) = DeviceKeys.New(id);
        Assert.StartsWith("dk_" + id.ToString("N") + "_", key);
        var (parsedId, secret) = DeviceKeys.Parse(key)!.Value;
        Assert.Equal(id, parsedId);
        Assert.True(DeviceKeys.Matches(secret, hash));
        Assert.DoesNotContain(secret, hash);
        Assert.False(DeviceKeys.Matches(secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A'), hash));
        Assert.Null(DeviceKeys.Parse("dk_nonsense"));
        Assert.Null(DeviceKeys.Parse(null));
    }

    [Fact]
    public void On_site_distance_is_haversine_metres()
    {
        Assert.Equal(0, Geo.DistanceMeters(29.4, 105.59, 29.4, 105.59), 3);
        Assert.InRange(Geo.DistanceMeters(29.4, 105.59, 29.401, 105.59), 110.5, 111.5); // 0.001° of latitude ≈ 111 m
    }

    [Theory]
    [InlineData("500153194002020021", true)]
    [InlineData("50015319400202002x", true)]
    [InlineData("500153400202002", true)]
    [InlineData("郑淑芬", false)]
    [InlineData("5001531940", false)]
    [InlineData("50015319400202002Y", false)]
    public void The_elder_picker_searches_15_or_18_character_ID_numbers_by_blind_index_and_anything_else_by_name(string q, bool idNumber) =>
        Assert.Equal(idNumber, ElderPicker.LooksLikeIdNumber(q));
}
