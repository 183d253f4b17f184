namespace ElderCare.Web.Features.Assessments;

/// <summary>When the next assessment is due and why: 常规评估 (the 12-month cycle) or 即时评估 (a change of condition).</summary>
public readonly record struct ReassessmentDue(DateOnly On, AssessmentReason Reason);

/// <summary>
/// When an elder must be assessed again: at least every 12 months, and at once when the condition changes
/// (STANDARDS.md §1.3 [U], PRACTICE.md "reassess at least yearly and when the condition changes" [U]).
/// <see cref="NextDue"/> is the first day on which the elder counts as overdue, so that
/// <c>IsOverdue ⇔ lastAssessedOn ≤ today − 12 months, or the condition changed after the last assessment</c>,
/// the same condition the elder list filters on in SQL.
/// </summary>
public static class Reassessment
{
    /// <summary>[U] confirm with the standard's text; a candidate for district-editable data.</summary>
    public const int CycleMonths = 12;

    public static ReassessmentDue Due(DateOnly lastAssessedOn, DateOnly? conditionChangedOn)
    {
        var due = lastAssessedOn.AddMonths(CycleMonths);
        // AddMonths clamps 29 Feb (or 31 Jan + 1 month…) to the month's last day; the cycle is complete only the day after,
        // as with IdNumber.Age's birthdays.
        if (due.Day != lastAssessedOn.Day) due = due.AddDays(1);
        // A change recorded on the day of the assessment is taken to be what that assessment looked at.
        return conditionChangedOn is { } changed && changed > lastAssessedOn && changed < due
            ? new(changed, AssessmentReason.Immediate)
            : new(due, AssessmentReason.Routine);
    }

    public static DateOnly NextDue(DateOnly lastAssessedOn, DateOnly? conditionChangedOn) => Due(lastAssessedOn, conditionChangedOn).On;

    /// <summary>Overdue from <see cref="NextDue"/> on. A condition change dated after today is not overdue yet (the SQL filter
    /// would count it; such dates should not be accepted).</summary>
    public static bool IsOverdue(DateOnly lastAssessedOn, DateOnly? conditionChangedOn, DateOnly today) =>
        today >= NextDue(lastAssessedOn, conditionChangedOn);
}
