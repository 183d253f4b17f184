using ElderCare.Web.Features.Supervision;

namespace ElderCare.Tests.Supervision;

/// <summary>The rules of supervision findings (SupervisionRules, SupervisionDefaults), pure, with explicit UTC times.</summary>
public class SupervisionRulesTests
{
    private static readonly DateTime Inspected = new(2026, 11, 10, 2, 0, 0, DateTimeKind.Utc); // 2026-11-10 10:00 China time

    /// <summary>整改期限 = inspection time + the severity's hours: 紧急 24 小时, 严重 3 天, 一般 7 天, 轻微 15 天 (placeholders, 待确认).</summary>
    [Theory]
    [InlineData(FindingSeverity.Urgent, "2026-11-11T02:00:00Z")]
    [InlineData(FindingSeverity.Serious, "2026-11-13T02:00:00Z")]
    [InlineData(FindingSeverity.General, "2026-11-17T02:00:00Z")]
    [InlineData(FindingSeverity.Minor, "2026-11-25T02:00:00Z")]
    public void The_deadline_is_the_inspection_time_plus_the_hours_of_the_severity(FindingSeverity severity, string expected) =>
        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal),
            SupervisionRules.Deadline(Inspected, severity, SupervisionDefaults.Deadlines()));

    [Fact]
    public void A_severity_missing_from_the_table_has_no_deadline() =>
        Assert.Null(SupervisionRules.Deadline(Inspected, FindingSeverity.Minor, [new() { Severity = FindingSeverity.Urgent, Hours = 24 }]));

    [Fact]
    public void The_seeded_checklist_is_a_placeholder_with_every_group_and_unique_codes()
    {
        var c = SupervisionDefaults.Checklist();
        Assert.False(c.Confirmed);
        Assert.Equal(ElderCare.Web.Features.Shared.Placeholders.Source, c.Source);
        Assert.Equal(Enum.GetValues<ChecklistGroup>().Order(), c.Items.Select(i => i.Group).Distinct().Order());
        Assert.Equal(c.Items.Count, c.Items.Select(i => i.Code).Distinct().Count());
        Assert.Equal(Enum.GetValues<FindingSeverity>().Order(), c.Deadlines.Select(d => d.Severity).Order());
        // The construction items carry the rule names of Facilities/Compliance (附件1).
        Assert.Contains(c.Items, i => i.Code == "min-floor-area" && i.Group == ChecklistGroup.Construction);
    }

    /// <summary>逾期 = past the deadline and neither rectified nor closed.</summary>
    [Theory]
    [InlineData(FindingStatus.Open, "2026-11-11T02:00:01Z", true)]
    [InlineData(FindingStatus.Open, "2026-11-11T02:00:00Z", false)] // at the deadline itself: still in time
    [InlineData(FindingStatus.Open, "2026-11-10T20:00:00Z", false)]
    [InlineData(FindingStatus.Rectified, "2026-12-01T00:00:00Z", false)] // waiting for re-inspection
    [InlineData(FindingStatus.Closed, "2026-12-01T00:00:00Z", false)]
    public void Overdue_is_open_and_past_the_deadline(FindingStatus status, string now, bool overdue)
    {
        var due = new DateTime(2026, 11, 11, 2, 0, 0, DateTimeKind.Utc);
        Assert.Equal(overdue, SupervisionRules.Overdue(status, due, DateTime.Parse(now, null,
            System.Globalization.DateTimeStyles.AdjustToUniversal)));
    }

    [Fact]
    public void A_rectification_after_the_deadline_is_late_and_counts_as_overdue_for_the_year()
    {
        var due = new DateTime(2026, 11, 11, 2, 0, 0, DateTimeKind.Utc);
        Assert.True(SupervisionRules.Late(due, due.AddMinutes(1)));
        Assert.False(SupervisionRules.Late(due, due));
        Assert.True(SupervisionRules.WasOverdue(FindingStatus.Closed, due, rectifiedLate: true, now: due.AddDays(30)));
        Assert.False(SupervisionRules.WasOverdue(FindingStatus.Closed, due, rectifiedLate: false, now: due.AddDays(30)));
    }

    /// <summary>重复问题 = the same checklist item failed at the same facility within the previous 12 months.</summary>
    [Fact]
    public void Repeated_is_the_same_item_failed_within_the_previous_12_months()
    {
        var on = new DateOnly(2026, 11, 10);
        (DateOnly, IEnumerable<string>) Failed(DateOnly day, params string[] codes) => (day, codes);
        Assert.True(SupervisionRules.Repeated("fire-safety", on, [Failed(new DateOnly(2026, 3, 1), "fire-safety")]));
        Assert.True(SupervisionRules.Repeated("fire-safety", on, [Failed(new DateOnly(2025, 11, 10), "fire-safety")])); // 12 months before
        Assert.False(SupervisionRules.Repeated("fire-safety", on, [Failed(new DateOnly(2025, 11, 9), "fire-safety")]));
        Assert.False(SupervisionRules.Repeated("fire-safety", on, [Failed(new DateOnly(2026, 9, 10), "food-safety")])); // another item
        Assert.False(SupervisionRules.Repeated("fire-safety", on, [Failed(on, "fire-safety")])); // the same day is not before
        Assert.False(SupervisionRules.Repeated(null, on, [Failed(new DateOnly(2026, 10, 1), "fire-safety")])); // a free finding never repeats
    }

    [Fact]
    public void A_year_is_counted_in_China_time()
    {
        var (from, to) = SupervisionRules.Year(2026);
        Assert.Equal(new DateTime(2025, 12, 31, 16, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 12, 31, 16, 0, 0, DateTimeKind.Utc), to);
    }

    [Fact]
    public void The_yearly_summary_counts_findings_overdue_repeated_and_open()
    {
        var now = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        GetSupervisionSummary.Row[] rows =
        [
            new(FindingStatus.Open, now.AddDays(-1), false, true),     // overdue now, repeated
            new(FindingStatus.Closed, now.AddDays(-20), true, false),  // rectified late
            new(FindingStatus.Rectified, now.AddDays(-3), false, false), // in time, waiting for re-inspection
            new(FindingStatus.Open, now.AddDays(2), false, true),      // in time, repeated
        ];
        var s = GetSupervisionSummary.Count(Guid.Empty, 2026, rows, now);
        Assert.Equal((4, 2, 2, 3), (s.Findings, s.Overdue, s.Repeated, s.Open));
    }
}
