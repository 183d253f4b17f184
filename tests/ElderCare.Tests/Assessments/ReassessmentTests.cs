using ElderCare.Web.Features.Assessments;

namespace ElderCare.Tests.Assessments;

/// <summary>复评: at least every 12 months, at once after a change of condition (STANDARDS.md §1.3 [U], PRACTICE.md).</summary>
public class ReassessmentTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void 评估满12个月须再次评估()
    {
        var last = D("2025-03-12");
        Assert.Equal(new ReassessmentDue(D("2026-03-12"), AssessmentReason.Routine), Reassessment.Due(last, null));
        Assert.False(Reassessment.IsOverdue(last, null, D("2026-03-11")));
        Assert.True(Reassessment.IsOverdue(last, null, D("2026-03-12")));
    }

    [Fact]
    public void 身体状况发生变化的应立即重新评估()
    {
        var last = D("2025-03-12");
        var changed = D("2025-06-01");
        Assert.Equal(new ReassessmentDue(changed, AssessmentReason.Immediate), Reassessment.Due(last, changed));
        Assert.Equal(changed, Reassessment.NextDue(last, changed));
        Assert.False(Reassessment.IsOverdue(last, changed, D("2025-05-31")));
        Assert.True(Reassessment.IsOverdue(last, changed, changed));
    }

    [Fact]
    public void 评估当天或之前记录的情况变化已由该次评估考虑()
    {
        var last = D("2025-03-12");
        Assert.Equal(D("2026-03-12"), Reassessment.NextDue(last, last));
        Assert.Equal(D("2026-03-12"), Reassessment.NextDue(last, D("2025-01-01")));
    }

    [Fact]
    public void 情况变化晚于12个月到期日的_仍以到期日为准()
    {
        var due = Reassessment.Due(D("2024-03-12"), D("2025-06-01"));
        Assert.Equal(new ReassessmentDue(D("2025-03-12"), AssessmentReason.Routine), due);
    }

    [Fact]
    public void 闰年2月29日的评估_在平年3月1日满12个月()
    {
        Assert.Equal(D("2025-03-01"), Reassessment.NextDue(D("2024-02-29"), null));
        Assert.False(Reassessment.IsOverdue(D("2024-02-29"), null, D("2025-02-28")));
    }

    [Fact]
    public void 逾期判断与老年人列表的查询条件一致_上次评估不晚于12个月前或其后情况有变化()
    {
        // ListElders filters "overdue" in SQL as LastAssessedOn <= today − 12 months || ConditionChangedOn > LastAssessedOn.
        // Condition changes are recorded when they have happened, so none lies after today.
        DateOnly[] todays = [.. Enumerable.Range(0, 10).Select(i => D("2025-02-24").AddDays(i)), D("2028-02-29"), D("2028-03-01")];
        foreach (var today in todays)
        {
            for (var last = today.AddDays(-800); last <= today; last = last.AddDays(1))
            {
                foreach (DateOnly? changed in new DateOnly?[] { null, last.AddDays(-1), last, last.AddDays(1), today })
                {
                    if (changed > today) continue;
                    var sql = last <= today.AddMonths(-Reassessment.CycleMonths) || changed > last;
                    Assert.True(sql == Reassessment.IsOverdue(last, changed, today), $"last {last:O}, changed {changed:O}, today {today:O}");
                }
            }
        }
    }
}
