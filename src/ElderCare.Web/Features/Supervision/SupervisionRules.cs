namespace ElderCare.Web.Features.Supervision;

/// <summary>
/// The rules of findings (三(一) monthly supervision; the civil-affairs regulators' 整改 practice), pure and unit-tested:
/// the rectification deadline per severity, overdue, repeated, and the yearly counts that feed the evaluation.
/// </summary>
public static class SupervisionRules
{
    /// <summary>How far back a repeat counts: the same item failed at the same facility within the previous 12 months.</summary>
    public const int RepeatMonths = 12;

    /// <summary>
    /// 整改期限: the deadline is the start (the inspection time, or the failed re-inspection's) plus the hours of the
    /// severity in the checklist's table; null when the table has no row for the severity.
    /// </summary>
    public static DateTime? Deadline(DateTime from, FindingSeverity severity, IEnumerable<RectificationDeadline> table) =>
        table.FirstOrDefault(d => d.Severity == severity) is { } row ? from.AddHours(row.Hours) : null;

    /// <summary>逾期: past the deadline and neither rectified nor closed (a rectification waiting for re-inspection is not overdue).</summary>
    public static bool Overdue(FindingStatus status, DateTime dueAt, DateTime now) => status == FindingStatus.Open && now > dueAt;

    /// <summary>Counted as overdue in a year: overdue now, or rectified after its deadline.</summary>
    public static bool WasOverdue(FindingStatus status, DateTime dueAt, bool rectifiedLate, DateTime now) =>
        rectifiedLate || Overdue(status, dueAt, now);

    /// <summary>A rectification recorded at <paramref name="at"/> is late when it comes after the deadline.</summary>
    public static bool Late(DateTime dueAt, DateTime at) => at > dueAt;

    /// <summary>
    /// 重复问题: the same checklist item failed at the same facility in an inspection within the 12 months before the
    /// inspection day <paramref name="on"/> (an earlier day, not the same one); a free finding (no item) is never a repeat.
    /// </summary>
    public static bool Repeated(string? itemCode, DateOnly on, IEnumerable<(DateOnly InspectedOn, IEnumerable<string> FailedCodes)> earlier) =>
        itemCode is not null && earlier.Any(e => e.InspectedOn < on && e.InspectedOn >= on.AddMonths(-RepeatMonths)
            && e.FailedCodes.Contains(itemCode, StringComparer.Ordinal));

    /// <summary>The UTC bounds of a calendar year in China time (findings are counted by the year they were raised in).</summary>
    public static (DateTime From, DateTime To) Year(int year) =>
        (new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8), new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8));
}
