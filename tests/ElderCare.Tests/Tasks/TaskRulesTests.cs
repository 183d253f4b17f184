using ElderCare.Web.Features.Tasks;
using S = ElderCare.Web.Features.Tasks.DutyTaskStatus;

namespace ElderCare.Tests.Tasks;

/// <summary>
/// The deadline, escalation, lifecycle and generation rules of the task list (三(一): 列出时间表、路线图、任务书和责任人,
/// 倒排工期、打表推进, 履职照单免责、失职照单问责), pure, with explicit dates.
/// </summary>
public class TaskRulesTests
{
    private static readonly DateOnly Due = new(2026, 11, 20);

    private static readonly EscalationLevel[] Levels =
    [
        new() { Id = 1, DaysOverdue = 1, Recipient = "镇街分管负责人", Source = "" },
        new() { Id = 2, DaysOverdue = 7, Recipient = "区民政局", Source = "" },
        new() { Id = 3, DaysOverdue = 30, Recipient = "领导小组办公室", Source = "" },
    ];

    [Fact]
    public void A_task_may_be_done_on_its_deadline_and_is_overdue_from_the_day_after()
    {
        // "overdue from the day after the deadline"
        Assert.False(TaskDeadline.IsOverdue(S.Open, Due, new DateOnly(2026, 11, 20)));
        Assert.True(TaskDeadline.IsOverdue(S.Open, Due, new DateOnly(2026, 11, 21)));
        Assert.Equal(1, TaskDeadline.DaysOverdue(S.InProgress, Due, new DateOnly(2026, 11, 21)));
        Assert.Equal(7, TaskDeadline.DaysOverdue(S.Open, Due, new DateOnly(2026, 11, 27)));
    }

    [Theory]
    [InlineData(S.Done)]
    [InlineData(S.Cancelled)]
    public void A_task_that_is_done_or_cancelled_is_never_overdue(S status)
    {
        Assert.False(TaskDeadline.IsOverdue(status, Due, new DateOnly(2027, 1, 1)));
        Assert.Equal(0, TaskDeadline.DaysOverdue(status, Due, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Due_soon_is_open_and_within_the_days_before_the_deadline()
    {
        Assert.True(TaskDeadline.IsDueSoon(S.Open, Due, new DateOnly(2026, 11, 13), 7));
        Assert.False(TaskDeadline.IsDueSoon(S.Open, Due, new DateOnly(2026, 11, 12), 7));
        Assert.False(TaskDeadline.IsDueSoon(S.Done, Due, new DateOnly(2026, 11, 19), 7));
    }

    [Fact]
    public void The_deadline_ends_at_midnight_China_time()
    {
        // DueOn 2026-11-30 → 2026-12-01 00:00 +08:00 = 2026-11-30 16:00 UTC
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), TaskDeadline.EndsAtUtc(new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void One_day_overdue_reaches_the_town_lead_seven_days_the_district_thirty_the_leading_group()
    {
        Assert.Equal(0, TaskEscalation.LevelReached(0, Levels));
        Assert.Equal(1, TaskEscalation.LevelReached(1, Levels));
        Assert.Equal(1, TaskEscalation.LevelReached(6, Levels));
        Assert.Equal(2, TaskEscalation.LevelReached(7, Levels));
        Assert.Equal(3, TaskEscalation.LevelReached(30, Levels));
    }

    [Fact]
    public void Each_level_is_recorded_once_and_a_late_first_look_records_the_levels_missed()
    {
        // due 2026-11-20; seen first on 2026-11-28 (8 days overdue): levels 1 and 2 at once
        var first = TaskEscalation.Due(S.Open, Due, new DateOnly(2026, 11, 28), 0, Levels);
        Assert.Equal([1, 2], first.Select(l => l.Id));
        // the next pass the same day records nothing; on 2026-12-20 (30 days) level 3 only
        Assert.Empty(TaskEscalation.Due(S.Open, Due, new DateOnly(2026, 11, 28), 2, Levels));
        Assert.Equal([3], TaskEscalation.Due(S.Open, Due, new DateOnly(2026, 12, 20), 2, Levels).Select(l => l.Id));
    }

    [Fact]
    public void A_task_done_escalates_no_further()
    {
        Assert.Empty(TaskEscalation.Due(S.Done, Due, new DateOnly(2026, 12, 31), 0, Levels));
        Assert.Empty(TaskEscalation.Due(S.Open, Due, new DateOnly(2026, 11, 20), 0, Levels));
    }

    [Fact]
    public void The_notice_names_the_unit_the_task_the_days_and_the_recipient()
    {
        Assert.Equal("【任务逾期】昌元街道：建设社区养老服务站 已逾期 7 天（截止 2026-11-20），升级至区民政局。",
            TaskEscalation.Message("昌元街道", "建设社区养老服务站", Due, 7, Levels[1]));
    }

    [Theory]
    [InlineData(S.Open, S.InProgress, true)]
    [InlineData(S.Open, S.Done, true)]
    [InlineData(S.InProgress, S.Open, true)]
    [InlineData(S.Done, S.InProgress, true)]
    [InlineData(S.Done, S.Cancelled, false)]
    [InlineData(S.Done, S.Open, false)]
    [InlineData(S.Cancelled, S.Open, true)]
    [InlineData(S.Cancelled, S.Done, false)]
    [InlineData(S.Open, S.Open, false)]
    public void The_lifecycle_allows_these_changes(S from, S to, bool allowed) => Assert.Equal(allowed, TaskLifecycle.Allowed(from, to));

    [Fact]
    public void Cancelling_and_restoring_are_the_districts_and_building_or_fixing_needs_evidence_to_be_done()
    {
        Assert.True(TaskLifecycle.DistrictOnly(S.Open, S.Cancelled));
        Assert.True(TaskLifecycle.DistrictOnly(S.Cancelled, S.Open));
        Assert.False(TaskLifecycle.DistrictOnly(S.Open, S.Done));
        // 履职照单免责: the record is the proof
        Assert.True(TaskLifecycle.NeedsEvidence(DutyTaskKind.BuildStation, S.Done));
        Assert.True(TaskLifecycle.NeedsEvidence(DutyTaskKind.FixFinding, S.Done));
        Assert.False(TaskLifecycle.NeedsEvidence(DutyTaskKind.ConfirmPlan, S.Done));
        Assert.False(TaskLifecycle.NeedsEvidence(DutyTaskKind.BuildStation, S.InProgress));
    }

    private static GapTask Gap(string key, DutyTaskSource source = DutyTaskSource.Coverage) =>
        new(key, source, DutyTaskKind.BuildStation, "500153001", "500153001", null, key, "");

    private static readonly HashSet<DutyTaskSource> All = [DutyTaskSource.Coverage, DutyTaskSource.Compliance, DutyTaskSource.Plan];

    [Fact]
    public void Generation_adds_a_task_per_new_gap_and_nothing_the_second_time()
    {
        var gaps = new[] { Gap("coverage:a"), Gap("coverage:b"), Gap("coverage:b") };
        var first = GapTasks.Decide(gaps, [], All);
        Assert.Equal(["coverage:a", "coverage:b"], first.Add.Select(g => g.Key));
        var existing = first.Add.Select(g => new GeneratedTaskState(g.Key, g.Source, S.Open, false)).ToList();
        var again = GapTasks.Decide(gaps, existing, All);
        Assert.Empty(again.Add);
        Assert.Empty(again.Close);
        Assert.Empty(again.Reopen);
    }

    [Fact]
    public void A_task_whose_gap_disappeared_is_closed_and_reopened_if_it_comes_back()
    {
        var existing = new[] { new GeneratedTaskState("coverage:a", DutyTaskSource.Coverage, S.InProgress, false) };
        Assert.Equal(["coverage:a"], GapTasks.Decide([], existing, All).Close);
        var closed = new[] { new GeneratedTaskState("coverage:a", DutyTaskSource.Coverage, S.Done, true) };
        var back = GapTasks.Decide([Gap("coverage:a")], closed, All);
        Assert.Equal(["coverage:a"], back.Reopen);
        Assert.Empty(back.Add);
    }

    [Fact]
    public void A_cancelled_or_hand_closed_task_stays_as_it_is_and_unchecked_sources_are_not_closed()
    {
        var existing = new[]
        {
            new GeneratedTaskState("coverage:a", DutyTaskSource.Coverage, S.Cancelled, false),
            new GeneratedTaskState("coverage:b", DutyTaskSource.Coverage, S.Done, false),
            new GeneratedTaskState("plan:c", DutyTaskSource.Plan, S.Open, false),
        };
        var d = GapTasks.Decide([Gap("coverage:a"), Gap("coverage:b")], existing, new HashSet<DutyTaskSource> { DutyTaskSource.Coverage });
        Assert.Empty(d.Add);
        Assert.Empty(d.Reopen);
        Assert.Empty(d.Close);
    }
}
