using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Tests.Services;

/// <summary>
/// 人工指定 (Dispatch.Overridable, Dispatch.Judge): "an officer who may assign may place a worker the suggestion left out — no
/// valid certificate, outside the regions served, outside the working hours — when they give a reason … A worker already
/// booked in an overlapping window is never assigned."
/// </summary>
public class DispatchOverrideRulesTests
{
    private static readonly DateTime Start = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc); // Monday 10:00 China time

    private static DispatchCandidate Worker(string[]? regions = null, DateOnly? certificate = null, int fromHour = 8,
        (DateTime, DateTime)[]? booked = null) => new(Guid.NewGuid(), "王护理", Guid.NewGuid(), ["bathing"],
        [new Certificate { Qualification = "bathing", ExpiresOn = certificate ?? new DateOnly(2027, 12, 31) }], regions ?? ["500153001"],
        [new AvailabilitySlot { Day = 1, FromMinute = fromHour * 60, ToMinute = 18 * 60 }], new GeoPoint(29.40, 105.59), booked ?? []);

    private static readonly DispatchRequest Request = new("bathing", Start, Start.AddHours(1), "500153001001", null, null);

    [Fact]
    public void Each_rule_a_worker_fails_is_named_in_the_order_they_are_checked()
    {
        Assert.Null(Dispatch.Failed(Request, Worker()));
        Assert.Equal(DispatchRule.Qualification, Dispatch.Failed(Request, Worker(certificate: new DateOnly(2026, 11, 29)))?.Rule);
        Assert.Equal(DispatchRule.Region, Dispatch.Failed(Request, Worker(regions: ["500153009"]))?.Rule);
        Assert.Equal(DispatchRule.Hours, Dispatch.Failed(Request, Worker(fromHour: 11))?.Rule);
        Assert.Equal(DispatchRule.Booked, Dispatch.Failed(Request, Worker(booked: [(Start.AddMinutes(30), Start.AddHours(2))]))?.Rule);
        var result = Dispatch.Suggest(Request, [Worker(regions: ["500153009"]), Worker(booked: [(Start, Start.AddHours(1))])]);
        Assert.Empty(result.Suggestions);
        Assert.Equal([(DispatchRule.Region, true), (DispatchRule.Booked, false)], result.Excluded.Select(x => (x.Rule, x.Overridable)));
    }

    [Theory]
    [InlineData(null, null, AssignVerdict.Assign)]
    [InlineData(null, "多余的理由", AssignVerdict.Assign)]
    [InlineData(DispatchRule.Qualification, null, AssignVerdict.NeedsReason)]
    [InlineData(DispatchRule.Region, "指定", AssignVerdict.NeedsReason)] // shorter than MinOverrideReason
    [InlineData(DispatchRule.Region, "   家属指定   ", AssignVerdict.Override)]
    [InlineData(DispatchRule.Hours, "老人只认这位护理员", AssignVerdict.Override)]
    [InlineData(DispatchRule.Qualification, "证书换发中，已核实", AssignVerdict.Override)]
    [InlineData(DispatchRule.Booked, "家属指定该护理员", AssignVerdict.Refused)]
    public void A_worker_left_out_is_assigned_only_with_a_reason_and_a_double_booking_never(DispatchRule? rule, string? reason,
        AssignVerdict verdict) => Assert.Equal(verdict, Dispatch.Judge(rule, reason));
}
