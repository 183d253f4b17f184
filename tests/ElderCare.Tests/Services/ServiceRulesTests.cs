using ElderCare.Web.Infrastructure.Web;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.FamilyBeds;
using ElderCare.Web.Features.Services;

namespace ElderCare.Tests.Services;

public class SubsidyTests
{
    private static readonly PriorityGroup[] Dependent = [PriorityGroup.Incapacitated, PriorityGroup.ExtremePoverty];

    [Fact]
    public void An_elder_in_a_subsidised_group_pays_nothing_while_the_monthly_allowance_covers_the_price()
    {
        var q = Subsidy.Quote(6000, Dependent, 12000, [PriorityGroup.ExtremePoverty], 0);
        Assert.Equal((6000L, 0L, true), (q.SubsidyFen, q.OwnShareFen, q.Eligible));
    }

    [Fact]
    public void The_remaining_monthly_allowance_after_this_months_orders_caps_the_subsidy_and_the_elder_pays_the_rest()
    {
        var q = Subsidy.Quote(6000, Dependent, 12000, [PriorityGroup.Incapacitated], 8000);
        Assert.Equal(4000, q.SubsidyFen);
        Assert.Equal(2000, q.OwnShareFen);
    }

    [Fact]
    public void A_used_up_allowance_means_the_elder_pays_in_full()
    {
        var q = Subsidy.Quote(6000, Dependent, 12000, [PriorityGroup.Incapacitated], 12000);
        Assert.Equal((0L, 6000L), (q.SubsidyFen, q.OwnShareFen));
        Assert.Contains("用完", q.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_elder_outside_the_items_groups_pays_in_full()
    {
        var q = Subsidy.Quote(6000, Dependent, 12000, [PriorityGroup.LeftBehind], 0);
        Assert.False(q.Eligible);
        Assert.Equal(6000, q.OwnShareFen);
    }

    [Fact]
    public void An_item_the_government_does_not_buy_is_paid_by_the_elder()
    {
        var q = Subsidy.Quote(2000, [], 0, [PriorityGroup.ExtremePoverty], 0);
        Assert.Equal((0L, 2000L, false), (q.SubsidyFen, q.OwnShareFen, q.Eligible));
    }

    [Fact]
    public void Subsidy_plus_own_share_is_always_the_price()
    {
        foreach (var used in new long[] { 0, 1, 5999, 6000, 11999, 12000, 20000 })
        {
            var q = Subsidy.Quote(6000, Dependent, 12000, [PriorityGroup.ExtremePoverty], used);
            Assert.Equal(6000, q.SubsidyFen + q.OwnShareFen);
            Assert.InRange(q.SubsidyFen, 0, 6000);
        }
    }
}

public class GeofenceTests
{
    private static readonly GeoPoint Home = new(29.4048, 105.5942);

    [Fact]
    public void Haversine_distance_of_one_thousandth_degree_of_latitude_is_about_111_metres() =>
        Assert.InRange(Geo.DistanceMeters(Home, Home with { Latitude = Home.Latitude + 0.001 }), 110.5, 111.8);

    [Fact]
    public void A_check_in_40_m_from_home_is_inside_the_50_m_urban_geofence() =>
        Assert.True(Geo.Within(Home, Home with { Latitude = Home.Latitude + 0.00036 }, 50));

    [Fact]
    public void A_check_in_80_m_from_home_is_outside_50_m_but_inside_the_wider_village_radius()
    {
        var at = Home with { Latitude = Home.Latitude + 0.00072 };
        Assert.False(Geo.Within(Home, at, 50));
        Assert.True(Geo.Within(Home, at, 200));
    }

    [Fact]
    public void A_check_in_2_km_away_is_outside_any_default_radius() =>
        Assert.False(Geo.Within(Home, Home with { Latitude = Home.Latitude + 0.018 }, 200));
}

public class VisitVerificationTests
{
    private static readonly GeoPoint Home = new(29.4048, 105.5942);
    private static readonly DateTime In = new(2026, 11, 30, 1, 0, 0, DateTimeKind.Utc);

    private static VisitFacts Visit(GeoPoint? home = null, GeoPoint? checkIn = null, int minutes = 60, bool confirmed = true,
        (DateTime, DateTime)[]? others = null, string? reason = null, bool noHome = false) =>
        new(noHome ? null : home ?? Home, 50, 60, In, checkIn ?? Home, In.AddMinutes(minutes), Home, others ?? [], confirmed, reason);

    [Fact]
    public void A_visit_at_home_on_time_with_the_code_is_verified() => Assert.Empty(VisitVerification.Check(Visit(), 15));

    [Fact]
    public void A_check_in_2_km_away_is_flagged_with_the_distance()
    {
        var flag = Assert.Single(VisitVerification.Check(Visit(checkIn: Home with { Latitude = Home.Latitude + 0.018 }), 15));
        Assert.Equal(VisitFlags.CheckInOutside, flag.Code);
        Assert.Contains("2.0 公里", flag.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(45, true)]  // 15 min under
    [InlineData(75, true)]  // 15 min over
    [InlineData(46, false)]
    [InlineData(74, false)]
    public void A_visit_15_minutes_or_more_over_or_under_plan_is_flagged(int minutes, bool flagged)
    {
        Assert.Equal(flagged, VisitVerification.DurationOffPlan(minutes, 60, 15));
        Assert.Equal(flagged, VisitVerification.Check(Visit(minutes: minutes), 15).Any(f => f.Code == VisitFlags.Duration));
    }

    [Fact]
    public void The_workers_reason_for_an_off_plan_duration_is_kept_in_the_flag()
    {
        var flag = Assert.Single(VisitVerification.Check(Visit(minutes: 100, reason: "老人突发不适，陪同等待家属"), 15));
        Assert.Contains("老人突发不适", flag.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlapping_visit_of_the_same_worker_is_flagged()
    {
        var flags = VisitVerification.Check(Visit(others: [(In.AddMinutes(30), In.AddMinutes(90))]), 15);
        Assert.Equal(VisitFlags.Overlap, Assert.Single(flags).Code);
    }

    [Fact]
    public void Visits_that_only_touch_do_not_overlap()
    {
        Assert.False(VisitVerification.Overlaps(In, In.AddHours(1), In.AddHours(1), In.AddHours(2)));
        Assert.True(VisitVerification.Overlaps(In, In.AddHours(1), In.AddMinutes(59), In.AddHours(2)));
    }

    [Fact]
    public void A_visit_without_the_elders_code_is_flagged_not_confirmed() =>
        Assert.Equal(VisitFlags.NotConfirmed, Assert.Single(VisitVerification.Check(Visit(confirmed: false), 15)).Code);

    [Fact]
    public void A_home_without_a_location_cannot_be_verified() =>
        Assert.Equal(VisitFlags.NoHome, Assert.Single(VisitVerification.Check(Visit(noHome: true), 15)).Code);

    [Fact]
    public void Every_failing_rule_gives_its_own_reason()
    {
        var flags = VisitVerification.Check(Visit(checkIn: Home with { Latitude = Home.Latitude + 0.018 }, minutes: 10, confirmed: false), 15);
        Assert.Equal([VisitFlags.CheckInOutside, VisitFlags.Duration, VisitFlags.NotConfirmed], flags.Select(f => f.Code));
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    public void Clock_in_more_than_7_minutes_after_the_window_start_is_late(int minutes, bool late) =>
        Assert.Equal(late, VisitVerification.IsLate(In, In.AddMinutes(minutes), 7));
}

public class OrderLifecycleTests
{
    private static ServiceOrder Order(OrderStatus s = OrderStatus.Requested) =>
        new() { ItemCode = "x", ItemName = "助浴", UnitCode = "500153001", RegionCode = "500153001", RaisedBy = "t", Status = s };

    [Fact]
    public void Requested_assigned_in_progress_completed_is_the_happy_path_and_each_step_records_who_and_when()
    {
        var o = Order();
        var at = new DateTime(2026, 11, 30, 1, 0, 0, DateTimeKind.Utc);
        Assert.Null(OrderLifecycle.Apply(o, OrderAction.Assign, at, "officer"));
        Assert.Null(OrderLifecycle.Apply(o, OrderAction.CheckIn, at.AddMinutes(5), "worker"));
        Assert.Null(OrderLifecycle.Apply(o, OrderAction.CheckOut, at.AddMinutes(65), "worker"));
        Assert.Equal(OrderStatus.Completed, o.Status);
        Assert.Equal([OrderStatus.Assigned, OrderStatus.InProgress, OrderStatus.Completed], o.Transitions.Select(t => t.Status));
        Assert.Equal(["officer", "worker", "worker"], o.Transitions.Select(t => t.By));
        Assert.Equal(at.AddMinutes(65), o.Transitions[^1].At);
    }

    [Theory]
    [InlineData(OrderStatus.Requested, OrderAction.CheckIn)]
    [InlineData(OrderStatus.Requested, OrderAction.Miss)]
    [InlineData(OrderStatus.InProgress, OrderAction.Cancel)]
    [InlineData(OrderStatus.Completed, OrderAction.Assign)]
    [InlineData(OrderStatus.Cancelled, OrderAction.Assign)]
    [InlineData(OrderStatus.Missed, OrderAction.CheckIn)]
    [InlineData(OrderStatus.Assigned, OrderAction.CheckOut)]
    [InlineData(OrderStatus.Assigned, OrderAction.Rate)]
    public void Transitions_outside_the_lifecycle_are_refused_with_a_reason(OrderStatus from, OrderAction action)
    {
        var o = Order(from);
        Assert.NotNull(OrderLifecycle.Apply(o, action, new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc), "x"));
        Assert.Equal(from, o.Status);
        Assert.Empty(o.Transitions);
    }

    [Theory]
    [InlineData(OrderStatus.Requested, OrderAction.Cancel, OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Assigned, OrderAction.Cancel, OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Assigned, OrderAction.Miss, OrderStatus.Missed)]
    [InlineData(OrderStatus.Assigned, OrderAction.Assign, OrderStatus.Assigned)]
    public void Cancelled_before_the_visit_missed_when_nobody_came_and_reassignment_allowed(OrderStatus from, OrderAction action, OrderStatus to) =>
        Assert.Equal(to, OrderLifecycle.Next(from, action));
}

public class DispatchTests
{
    private static readonly GeoPoint Home = new(29.4048, 105.5942);

    // 2026-12-01 is a Tuesday; 09:00–10:00 China time.
    private static readonly DateTime Start = new(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);

    private static DispatchRequest Request(string? qualification = "bathing", Guid? regular = null) =>
        new(qualification, Start, Start.AddHours(1), "500153001001", Home, regular);

    private static DispatchCandidate Worker(string name, double km, string[]? qualifications = null, DateOnly? expires = null,
        string[]? regions = null, AvailabilitySlot[]? slots = null, (DateTime, DateTime)[]? booked = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), name, Guid.Empty, qualifications ?? ["bathing"],
            [new Certificate { Qualification = "bathing", ExpiresOn = expires ?? new DateOnly(2027, 12, 31) }],
            regions ?? ["500153001"], slots ?? [.. RegisterWorker.DefaultAvailability(new ServiceOptions())],
            Home with { Latitude = Home.Latitude + km / 111.2 }, booked ?? []);

    [Fact]
    public void The_nearest_qualified_available_worker_serving_the_region_comes_first()
    {
        var r = Dispatch.Suggest(Request(), [Worker("远", 5), Worker("近", 1), Worker("中", 2)]);
        Assert.Equal(["近", "中", "远"], r.Suggestions.Select(s => s.Name));
        Assert.InRange(r.Suggestions[0].DistanceMeters!.Value, 950, 1050);
    }

    [Fact]
    public void For_a_regular_client_the_same_worker_as_last_time_comes_first_even_if_farther()
    {
        var regular = Guid.NewGuid();
        var r = Dispatch.Suggest(Request(regular: regular), [Worker("近", 1), Worker("老", 4, id: regular)]);
        Assert.Equal("老", r.Suggestions[0].Name);
        Assert.True(r.Suggestions[0].SameAsLastTime);
    }

    [Fact]
    public void A_certificate_expired_before_the_visit_disqualifies()
    {
        var r = Dispatch.Suggest(Request(), [Worker("过期", 1, expires: new DateOnly(2026, 11, 30))]);
        Assert.Empty(r.Suggestions);
        Assert.Contains("证书", Assert.Single(r.Excluded).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_qualification_without_a_certificate_does_not_count_and_an_item_without_requirement_takes_anyone()
    {
        var c = Worker("无证", 1, qualifications: ["bathing"]) with { Certificates = [] };
        Assert.Empty(Dispatch.Suggest(Request(), [c]).Suggestions);
        Assert.Single(Dispatch.Suggest(Request(qualification: null), [c]).Suggestions);
    }

    [Fact]
    public void A_worker_serving_another_street_is_excluded_and_a_district_wide_worker_is_not()
    {
        var r = Dispatch.Suggest(Request(), [Worker("外镇", 1, regions: ["500153009"]), Worker("全区", 3, regions: ["500153"])]);
        Assert.Equal("全区", Assert.Single(r.Suggestions).Name);
    }

    [Fact]
    public void A_worker_booked_in_an_overlapping_window_is_excluded()
    {
        var r = Dispatch.Suggest(Request(), [Worker("忙", 1, booked: [(Start.AddMinutes(30), Start.AddMinutes(90))])]);
        Assert.Contains("已有其他工单", Assert.Single(r.Excluded).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_window_must_lie_in_a_weekly_slot_in_China_time()
    {
        AvailabilitySlot[] tuesdayMorning = [new() { Day = 2, FromMinute = 8 * 60, ToMinute = 12 * 60 }];
        Assert.True(Dispatch.Available(tuesdayMorning, Start, Start.AddHours(1)));
        Assert.False(Dispatch.Available(tuesdayMorning, Start.AddHours(2.5), Start.AddHours(3.5))); // 11:30–12:30
        Assert.False(Dispatch.Available(tuesdayMorning, Start.AddDays(1), Start.AddDays(1).AddHours(1))); // Wednesday
    }
}

public class BasicServicesKpiTests
{
    [Fact]
    public void Every_elder_enjoys_basic_services_counts_priority_elders_with_a_current_assessment_and_a_verified_visit_in_the_last_quarter()
    {
        var kpi = ElderCare.Web.Features.Coverage.Kpis.Compute([], [], ElderCare.Web.Data.Seed.RongchangSeed.KpiTargets().ToList(), (10, 8, 5))
            .Single(k => k.Key == ElderCare.Web.Features.Coverage.Kpis.PriorityEldersServed);
        Assert.Equal(0.5, kpi.Value);
        Assert.False(kpi.Met);
    }
}

public class ComplaintDeadlineTests
{
    private static readonly ServiceOptions Options = new();
    private static readonly DateTime Received = new(2026, 11, 29, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(ComplaintSeverity.Serious, 3)]
    [InlineData(ComplaintSeverity.General, 7)]
    [InlineData(ComplaintSeverity.Minor, 15)]
    public void Complaints_are_handled_within_3_7_or_15_days_by_severity(ComplaintSeverity severity, int days) =>
        Assert.Equal(Received.AddDays(days), ComplaintDeadlines.DueAt(Received, severity, Options));

    [Fact]
    public void An_unresolved_complaint_past_its_deadline_is_escalated_and_a_resolved_one_never_is()
    {
        var due = ComplaintDeadlines.DueAt(Received, ComplaintSeverity.Serious, Options);
        Assert.False(ComplaintDeadlines.Overdue(due, null, due));
        Assert.True(ComplaintDeadlines.Overdue(due, null, due.AddMinutes(1)));
        Assert.False(ComplaintDeadlines.Overdue(due, due.AddDays(-1), due.AddDays(5)));
    }
}

public class FollowUpAndPlanTests
{
    [Fact]
    public void About_the_configured_share_of_completed_orders_is_drawn_for_a_follow_up_call()
    {
        var drawn = Enumerable.Range(0, 10_000).Count(_ => FollowUpSampling.Drawn(Guid.CreateVersion7(), 0.1));
        Assert.InRange(drawn, 850, 1150);
        var id = Guid.NewGuid();
        Assert.Equal(FollowUpSampling.Drawn(id, 0.5), FollowUpSampling.Drawn(id, 0.5));
        Assert.False(FollowUpSampling.Drawn(id, 0));
        Assert.True(FollowUpSampling.Drawn(id, 1));
    }

    [Fact]
    public void A_care_plan_of_n_visits_spreads_them_evenly_over_the_month()
    {
        Assert.Equal([1, 8, 16, 24], RaiseCarePlanOrders.PlanDays(4, 31));
        Assert.Equal([1], RaiseCarePlanOrders.PlanDays(1, 30));
        Assert.Equal(28, RaiseCarePlanOrders.PlanDays(40, 28).Count);
    }
}
