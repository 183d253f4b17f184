using System.ComponentModel.DataAnnotations;
using ElderCare.Web.Features.Outbound;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Tests.Outbound;

/// <summary>The rules of the outbound messages (ADR 29), without a database.</summary>
public class OutboundRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_signature_is_hex_HMAC_SHA256_of_the_secret_over_timestamp_dot_body()
    {
        // "hex(HMAC-SHA256(secret, timestamp + "." + body))", prefixed "sha256=": a fixed vector a receiver can check.
        Assert.Equal("sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("whsec_test"u8.ToArray(),
            "1764381600.{\"id\":\"1\"}"u8.ToArray())), Signing.Sign("whsec_test", 1764381600, "{\"id\":\"1\"}"));
        var ts = Now.ToUnixTimeSeconds();
        var signature = Signing.Sign("whsec_test", ts, "{}");
        Assert.Matches("^sha256=[0-9a-f]{64}$", signature);
        Assert.True(Signing.Verify("whsec_test", ts.ToString(System.Globalization.CultureInfo.InvariantCulture), "{}", signature, Now));
        Assert.False(Signing.Verify("whsec_other", $"{ts}", "{}", signature, Now)); // another secret
        Assert.False(Signing.Verify("whsec_test", $"{ts}", "{ }", signature, Now)); // another body
        Assert.False(Signing.Verify("whsec_test", null, "{}", signature, Now));
        Assert.False(Signing.Verify("whsec_test", "-5", "{}", signature, Now));
    }

    [Fact]
    public void A_signed_request_more_than_5_minutes_from_the_receivers_clock_is_refused()
    {
        var ts = Now.ToUnixTimeSeconds();
        var signature = Signing.Sign("s", ts, "b");
        Assert.True(Signing.Verify("s", $"{ts}", "b", signature, Now.AddSeconds(300)));
        Assert.False(Signing.Verify("s", $"{ts}", "b", signature, Now.AddSeconds(301)));
        Assert.False(Signing.Verify("s", $"{ts}", "b", signature, Now.AddSeconds(-301)));
    }

    [Fact]
    public void Back_off_is_5_s_then_doubling_to_at_most_10_minutes()
    {
        // "the first retry after 5 s, then doubling — 5 s, 10 s, 20 s … — never longer than 10 min"
        Assert.Equal([5, 10, 20, 40, 80, 160, 320, 600, 600],
            Enumerable.Range(1, 9).Select(a => Backoff.Delay(a, 5, 600).TotalSeconds).ToList());
        Assert.Equal(TimeSpan.FromSeconds(600), Backoff.Delay(1000, 5, 600)); // no overflow however many attempts
        Assert.Equal(TimeSpan.FromSeconds(5), Backoff.Delay(0, 5, 600));
    }

    [Fact]
    public void A_subscription_covers_its_region_and_what_lies_under_it_and_none_is_the_whole_district()
    {
        Assert.True(OutboundEvents.Covers(null, "500153001001"));
        Assert.True(OutboundEvents.Covers(null, null));
        Assert.True(OutboundEvents.Covers("500153001", "500153001001"));
        Assert.True(OutboundEvents.Covers("500153001", "500153001"));
        Assert.False(OutboundEvents.Covers("500153001", "500153101001"));
        Assert.False(OutboundEvents.Covers("500153001", null)); // an event without a region: district-wide subscriptions only
        Assert.True(OutboundEvents.Takes("alarm.raised,report.approved", "report.approved"));
        Assert.False(OutboundEvents.Takes("alarm.raised", "alarm.raised-x"));
    }

    [Fact]
    public void An_event_id_is_the_same_each_time_for_the_same_event_and_differs_otherwise()
    {
        var id = Signing.EventId("alarm.raised", "abc");
        Assert.Equal(id, Signing.EventId("alarm.raised", "abc"));
        Assert.NotEqual(id, Signing.EventId("alarm.resolved", "abc"));
        Assert.Equal('8', Guid.Parse(id).ToString()[14]); // a UUID, version 8
    }

    [Fact]
    public void A_number_reaches_its_daily_limit_at_the_limit()
    {
        Assert.True(DailyLimit.Allows(2, 3));
        Assert.False(DailyLimit.Allows(3, 3));
        Assert.Equal("13900001111", SmsQueue.Normalise("+86 139-0000-1111"));
        Assert.Null(SmsQueue.Normalise("023-46789012")); // a landline gets no SMS
        Assert.Null(SmsQueue.Normalise(null));
    }

    [Fact]
    public void A_webhook_URL_is_absolute_https_without_credentials()
    {
        Assert.Null(RegisterWebhook.UrlProblem("https://12349.example.org/hook", requireHttps: true));
        Assert.Equal("接收地址须使用 https。", RegisterWebhook.UrlProblem("http://12349.example.org/hook", requireHttps: true));
        Assert.Null(RegisterWebhook.UrlProblem("http://127.0.0.1:5000/hook", requireHttps: false));
        Assert.Equal("接收地址不能包含用户名或密码。", RegisterWebhook.UrlProblem("https://u:p@example.org/", requireHttps: true));
        Assert.NotNull(RegisterWebhook.UrlProblem("/relative", requireHttps: false));
        Assert.NotNull(RegisterWebhook.UrlProblem("", requireHttps: false));
    }

    [Fact]
    public void A_configured_gateway_needs_key_secret_signature_and_every_template()
    {
        Assert.Empty(Problems(new SmsOptions())); // no gateway: the logging sender, nothing else required
        var problems = Problems(new SmsOptions { GatewayUrl = "http://sms.example.org/send", AppSecret = "short", Signature = "荣" });
        Assert.Contains(problems, p => p.Contains("https", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("AppKey", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("AppSecret", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("签名", StringComparison.Ordinal));
        Assert.Equal(3, problems.Count(p => p.Contains("模板", StringComparison.Ordinal)));
        Assert.Empty(Problems(new SmsOptions
        {
            GatewayUrl = "https://sms.example.org/send", AppKey = "k", AppSecret = "0123456789abcdef", Signature = "荣昌区智慧养老",
            Templates = new() { [SmsTemplate.VisitCode] = "1", [SmsTemplate.AlarmNotice] = "2", [SmsTemplate.Reminder] = "3" },
        }));
    }

    [Fact]
    public void An_alarm_notice_loses_its_leading_signature_for_the_gateway_adds_the_configured_one()
    {
        Assert.Equal("李桂兰发出紧急呼叫报警。", SmsNotifier.Text("【荣昌区智慧养老】李桂兰发出紧急呼叫报警。"));
        Assert.Equal("无签名", SmsNotifier.Text("无签名"));
    }

    [Fact]
    public void A_routine_reassessment_is_reminded_from_7_days_before_until_the_day_and_an_immediate_one_is_not()
    {
        var today = new DateOnly(2026, 11, 29);
        var routine = (int days) => new ElderCare.Web.Features.Assessments.ReassessmentDue(today.AddDays(days),
            ElderCare.Web.Features.Assessments.AssessmentReason.Routine);
        Assert.True(RaiseReassessmentReminders.Reminds(routine(0), today, 7));
        Assert.True(RaiseReassessmentReminders.Reminds(routine(7), today, 7));
        Assert.False(RaiseReassessmentReminders.Reminds(routine(8), today, 7));
        Assert.False(RaiseReassessmentReminders.Reminds(routine(-1), today, 7)); // overdue: the to-do list's, not the family's
        Assert.False(RaiseReassessmentReminders.Reminds(new ElderCare.Web.Features.Assessments.ReassessmentDue(today.AddDays(2),
            ElderCare.Web.Features.Assessments.AssessmentReason.Immediate), today, 7));
    }

    private static List<string> Problems(SmsOptions o) => o.Validate(new ValidationContext(o)).Select(r => r.ErrorMessage!).ToList();
}
