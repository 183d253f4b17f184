using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Reports;

namespace ElderCare.Tests.Reports;

/// <summary>The pure rules of quarterly reports: quarters, indicator definitions, the snapshot and its hash, the cycle, the bulletin.</summary>
public class ReportRulesTests
{
    private static UnitQuarterFacts Facts(RegionKind kind = RegionKind.Street) => new("500153001", "昌元街道", kind);

    [Fact]
    public void A_quarter_runs_from_its_first_to_its_last_China_day()
    {
        var q = Assert.IsType<Quarter>(Quarter.TryParse("2026Q3"));
        Assert.Equal(new DateOnly(2026, 7, 1), q.Start);
        Assert.Equal(new DateOnly(2026, 9, 30), q.End);
        Assert.Equal(new DateTime(2026, 6, 30, 16, 0, 0, DateTimeKind.Utc), q.StartUtc);
        Assert.Equal(new DateTime(2026, 9, 30, 16, 0, 0, DateTimeKind.Utc), q.EndUtc);
        Assert.Equal("2026年第3季度", q.Label);
        Assert.Equal(new Quarter(2026, 3), Quarter.LastEnded(new DateOnly(2026, 11, 29)));
        Assert.False(q.EndedBy(new DateOnly(2026, 9, 30)));
        Assert.True(q.EndedBy(new DateOnly(2026, 10, 1)));
        Assert.Null(Quarter.TryParse("2026Q5"));
        Assert.Null(Quarter.TryParse("2018Q1"));
        var errors = new ElderCare.Web.Infrastructure.Errors.FieldErrors();
        Assert.Null(Quarter.Parse("26-3", "quarter", errors));
        Assert.Contains("季度", errors.ToDictionary()["quarter"][0]);
    }

    [Fact]
    public void Station_coverage_is_operating_standard_stations_capped_at_the_communities_over_the_communities()
    {
        // 一、工作目标 "每个社区至少建设1个社区养老服务站"; 到2020年 "所有街道、社区基本实现养老服务设施全覆盖".
        Assert.Equal(0.75m, ReportIndicators.Coverage(3, 4).Value);
        Assert.Equal(new IndicatorValue(1m, 4, 4), ReportIndicators.Coverage(5, 4));
        Assert.Null(ReportIndicators.Coverage(2, null).Value); // 社区数未知: 不适用
        Assert.Null(ReportIndicators.Coverage(0, 0).Value);    // no villages: nothing to cover
    }

    [Fact]
    public void Centre_coverage_uses_the_street_centre_for_a_street_and_the_town_centre_for_a_town()
    {
        // 一、工作目标 "每个街道至少建设1个街道养老服务中心"，"每个镇至少建设1个镇养老服务中心"
        var unit = new UnitFacts("500153009", "盘龙镇", RegionKind.Town, 2, 9, 0, 0,
            new Dictionary<FacilityType, int> { [FacilityType.TownCenter] = 1, [FacilityType.VillagePoint] = 6 },
            new Dictionary<FacilityType, int>());
        var facts = Facts(RegionKind.Town) with { Coverage = CoverageRules.Compute(unit) };
        Assert.Equal(1m, ReportIndicators.Value(facts, ReportIndicators.CenterCoverage)!.Value);
        Assert.Equal(new IndicatorValue(0.6667m, 6, 9), ReportIndicators.Value(facts, ReportIndicators.VillagePointCoverage));
        Assert.Equal(new IndicatorValue(0m, 0, 2), ReportIndicators.Value(facts, ReportIndicators.StationCoverage));
    }

    [Fact]
    public void Socialised_operation_medical_care_and_nursing_beds_are_shares_of_the_operating_facilities()
    {
        // 一、工作目标 "城市养老服务设施社会化运营率达到90%以上"，"具备医养服务能力的比例达到100%"；
        // 二(五) "到2022年，护理型床位占比不低于50%".
        var f = Facts() with
        {
            Operating = new Dictionary<FacilityType, int> { [FacilityType.StreetCenter] = 1, [FacilityType.CommunityStation] = 2 },
            Socialized = 2, WithMedicalCare = 3, BedsTotal = 60, BedsNursing = 25,
        };
        Assert.Equal(new IndicatorValue(0.6667m, 2, 3), ReportIndicators.Value(f, ReportIndicators.SocializedShare));
        Assert.Equal(1m, ReportIndicators.Value(f, ReportIndicators.MedicalCareShare)!.Value);
        Assert.Equal(0.4167m, ReportIndicators.Value(f, ReportIndicators.NursingBedShare)!.Value);
        Assert.Null(ReportIndicators.Value(Facts(), ReportIndicators.NursingBedShare)!.Value); // no beds: 不适用
    }

    [Fact]
    public void Counts_and_money_are_the_facts_as_loaded_and_unknown_codes_are_left_out()
    {
        var f = Facts() with { Built = 4, VisitsVerified = 12, MealsServed = 300, PaidFen = 4_000_000, Complaints = 2 };
        var values = ReportIndicators.Compute(f, [ReportIndicators.FacilitiesBuilt, ReportIndicators.MoneyPaid, "not-a-code"]);
        Assert.Equal([ReportIndicators.FacilitiesBuilt, ReportIndicators.MoneyPaid], values.Keys);
        Assert.Equal(4_000_000m, values[ReportIndicators.MoneyPaid].Value);
        Assert.Equal("40,000.00 元", ReportDisplay.Value(values[ReportIndicators.MoneyPaid], "fen"));
        Assert.Equal("66.67%", ReportDisplay.Value(new IndicatorValue(0.6667m, 2, 3), "ratio"));
    }

    [Fact]
    public void An_alarm_counts_as_answered_in_time_within_60_seconds_and_before_the_quarter_ends()
    {
        // QUALITY.md R4: 98.5 % of alarm calls answered within 60 s (AlarmSla.AnswerSeconds).
        var raised = new DateTime(2026, 9, 30, 15, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(2026, 9, 30, 16, 0, 0, DateTimeKind.Utc);
        Assert.True(ReportIndicators.AnsweredInTime(raised, raised.AddSeconds(60), end));
        Assert.False(ReportIndicators.AnsweredInTime(raised, raised.AddSeconds(61), end));
        Assert.False(ReportIndicators.AnsweredInTime(raised, null, end));
        Assert.False(ReportIndicators.AnsweredInTime(end.AddSeconds(-30), end.AddSeconds(10), end));
        Assert.True(ReportIndicators.ResolvedInTime(raised.AddHours(24), raised.AddHours(23), end.AddDays(2)));
        Assert.False(ReportIndicators.ResolvedInTime(raised.AddHours(24), raised.AddHours(25), end.AddDays(2)));
    }

    [Fact]
    public void The_default_form_names_every_computation_once_with_a_policy_line_and_is_marked_to_confirm()
    {
        var form = ReportFormDefaults.Form();
        Assert.False(form.Confirmed);
        Assert.Equal(ReportIndicators.Codes, form.Indicators.Select(i => i.Code));
        Assert.All(form.Indicators, i => Assert.Matches("[一二三]", i.Policy));
    }

    private static SnapshotContent Content(params (string Code, IndicatorValue Value)[] values) =>
        new("500153001", "2026Q3", 2020, "本季新建社区养老服务站2个。", values.ToDictionary(v => v.Code, v => v.Value));

    [Fact]
    public void The_canonical_snapshot_orders_keys_drops_nulls_and_trailing_zeros_so_equal_content_hashes_equal()
    {
        var a = Content(("b", new IndicatorValue(0.5000m, 1, 2)), ("a", IndicatorValue.Count(3)), ("c", new IndicatorValue(null, null, 0)));
        var b = Content(("c", new IndicatorValue(null, null, 0)), ("a", IndicatorValue.Count(3)), ("b", new IndicatorValue(0.5m, 1, 2)));
        var json = ReportSnapshot.Canonical(a);
        Assert.Equal("{\"formYear\":2020,\"narrative\":\"本季新建社区养老服务站2个。\",\"quarter\":\"2026Q3\",\"unitCode\":\"500153001\"," +
            "\"values\":{\"a\":{\"v\":3},\"b\":{\"d\":2,\"n\":1,\"v\":0.5},\"c\":{\"d\":0}}}", json);
        Assert.Equal(json, ReportSnapshot.Canonical(b));
        Assert.Equal(ReportSnapshot.Hash(json), ReportSnapshot.Hash(ReportSnapshot.Canonical(b)));
        Assert.Matches("^[0-9a-f]{64}$", ReportSnapshot.Hash(json));
        Assert.Equal(json, ReportSnapshot.Canonical(ReportSnapshot.Parse(json)));
        var changed = Content(("b", new IndicatorValue(0.5m, 1, 2)), ("a", IndicatorValue.Count(4)), ("c", new IndicatorValue(null, null, 0)));
        Assert.NotEqual(ReportSnapshot.Hash(json), ReportSnapshot.Hash(ReportSnapshot.Canonical(changed)));
    }

    [Fact]
    public void A_locked_snapshot_verifies_only_while_its_bytes_are_those_hashed_at_lock_time()
    {
        var json = ReportSnapshot.Canonical(Content(("a", IndicatorValue.Count(3))));
        var hash = ReportSnapshot.Hash(json);
        var id = Guid.NewGuid();
        Assert.True(CheckReportSnapshot.Check(id, true, json, hash).Matches);
        Assert.False(CheckReportSnapshot.Check(id, true, json.Replace("\"v\":3", "\"v\":4"), hash).Matches);
        Assert.False(CheckReportSnapshot.Check(id, true, json.Replace(",", ", "), hash).Matches); // not canonical
        Assert.Null(CheckReportSnapshot.Check(id, false, json, null).Matches);
    }

    [Fact]
    public void Changed_since_submitted_lists_only_the_codes_whose_value_differs()
    {
        var submitted = new Dictionary<string, IndicatorValue> { ["a"] = IndicatorValue.Count(3), ["b"] = new(0.5m, 1, 2) };
        var now = new Dictionary<string, IndicatorValue> { ["a"] = IndicatorValue.Count(3), ["b"] = new(0.6667m, 2, 3) };
        var change = Assert.Single(ReportSnapshot.Differences(submitted, now));
        Assert.Equal(("b", 0.5m, 0.6667m), (change.Code, change.Submitted!.Value, change.Now!.Value));
    }

    [Fact]
    public void The_cycle_submits_drafts_of_ended_quarters_returns_and_approves_submitted_ones_and_nothing_changes_a_locked_one()
    {
        var q = new Quarter(2026, 3);
        var after = new DateOnly(2026, 10, 1);
        Assert.Null(ReportCycle.CanSubmit(ReportStatus.Draft, q, after));
        Assert.Contains("尚未结束", ReportCycle.CanSubmit(ReportStatus.Draft, q, new DateOnly(2026, 9, 30)));
        Assert.NotNull(ReportCycle.CanSubmit(ReportStatus.Submitted, q, after));
        Assert.Equal(ReportCycle.Locked, ReportCycle.CanSubmit(ReportStatus.Approved, q, after));
        Assert.Null(ReportCycle.CanApprove(ReportStatus.Submitted));
        Assert.Contains("尚未提交", ReportCycle.CanApprove(ReportStatus.Draft));
        Assert.Null(ReportCycle.CanReturn(ReportStatus.Submitted));
        Assert.Contains("尚未提交", ReportCycle.CanReturn(ReportStatus.Draft));
        Assert.Equal(ReportCycle.Locked, ReportCycle.CanReturn(ReportStatus.Approved));
        Assert.Equal(ReportCycle.Locked, ReportCycle.CanApprove(ReportStatus.Approved));
        Assert.Equal(ReportCycle.Locked, ReportCycle.CanEdit(ReportStatus.Approved));
        Assert.Null(ReportCycle.CanEdit(ReportStatus.Draft));
    }

    [Fact]
    public void The_bulletin_rates_green_at_the_target_amber_within_20_points_before_the_deadline_and_red_otherwise()
    {
        var deadline = new DateOnly(2022, 12, 31);
        Assert.Equal(Rag.Green, Bulletin.Rate(0.9m, 0.9, deadline, new DateOnly(2022, 12, 31)));
        Assert.Equal(Rag.Amber, Bulletin.Rate(0.7m, 0.9, deadline, new DateOnly(2022, 9, 30)));
        Assert.Equal(Rag.Red, Bulletin.Rate(0.69m, 0.9, deadline, new DateOnly(2022, 9, 30)));
        Assert.Equal(Rag.Red, Bulletin.Rate(0.89m, 0.9, deadline, new DateOnly(2022, 12, 31))); // deadline reached
        Assert.Equal(Rag.Grey, Bulletin.Rate(null, 0.9, deadline, new DateOnly(2022, 9, 30)));
    }

    [Fact]
    public void The_bulletin_sums_parts_ranks_units_by_points_and_shares_ranks_on_ties()
    {
        KpiTarget T(string key, double target, int year) =>
            new() { Key = key, Target = target, Deadline = new DateOnly(year, 12, 31), EffectiveFrom = new DateOnly(2020, 1, 3), Source = "一" };
        var targets = new[] { T(Kpis.NursingBedShare, 0.5, 2022), T(Kpis.MedicalCareCapability, 1.0, 2022) };
        ApprovedReport R(string code, IndicatorValue beds, IndicatorValue medical) => new(code, code, RegionKind.Street,
            new Dictionary<string, IndicatorValue> { [ReportIndicators.NursingBedShare] = beds, [ReportIndicators.MedicalCareShare] = medical });
        var reports = new[]
        {
            R("3", new(0.5m, 10, 20), new(1m, 2, 2)), R("1", new(0.25m, 5, 20), new(0.5m, 1, 2)), R("2", new(0.5m, 10, 20), new(1m, 3, 3)),
        };
        var (progress, ranking, _) = Bulletin.Build(reports, targets, new DateOnly(2021, 3, 31), new Dictionary<string, (string, string)>());
        var beds = progress.Single(p => p.KpiKey == Kpis.NursingBedShare);
        Assert.Equal((25L, 60L, 0.4167m, Rag.Amber, 2, 3),
            (beds.Numerator, beds.Denominator, beds.Value!.Value, beds.Rag, beds.UnitsMet, beds.UnitsRated));
        Assert.Equal(["2", "3", "1"], ranking.Select(r => r.UnitCode));
        Assert.Equal([1, 1, 3], ranking.Select(r => r.Rank));
        Assert.Equal(4, ranking[0].Points);
        Assert.Equal(new string('█', 10), BulletinDocument.Bar(0.5m));
    }

    [Fact]
    public void A_report_is_due_a_month_after_its_quarter_ends()
    {
        Assert.Equal(new DateOnly(2026, 10, 31), ReportsTodoSource.DueOn(new DateOnly(2026, 9, 30)));
        Assert.Equal(new DateOnly(2026, 4, 30), ReportsTodoSource.DueOn(new DateOnly(2026, 3, 31)));
    }
}
