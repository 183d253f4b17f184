using ElderCare.Web.Features.Regions;

namespace ElderCare.Web.Features.Reports;

/// <summary>
/// One indicator line of a report: the form's words, the value the report carries (as submitted once submitted, else as
/// the records say now) and the value the records give now, and whether the two differ (changed since submitted).
/// </summary>
public sealed record IndicatorLine(string Code, string Name, string Unit, string Definition, string Policy, IndicatorValue? Value,
    IndicatorValue? Now, bool Changed);

public sealed record TransitionResource(string Act, ReportStatus Status, DateTime At, string By, string? Reason);

/// <summary>A quarterly report: its cycle state, the lines, the town's narrative, and once locked the snapshot hash.</summary>
public sealed record ReportResource(Guid Id, string UnitCode, string UnitName, RegionKind UnitKind, string Quarter, string QuarterLabel,
    int FormYear, string FormName, bool FormConfirmed, ReportStatus Status, string Narrative, string? ReturnReason,
    IReadOnlyList<IndicatorLine> Indicators, bool ChangedSinceSubmitted, string? SnapshotHash, DateTime? SubmittedAt,
    string? SubmittedBy, DateTime? ApprovedAt, string? ApprovedBy, IReadOnlyList<TransitionResource> Transitions, int Version)
{
    public bool Locked => Status == ReportStatus.Approved;
}

/// <summary>A row of the list.</summary>
public sealed record ReportListItem(Guid Id, string UnitCode, string UnitName, RegionKind UnitKind, string Quarter, string QuarterLabel,
    ReportStatus Status, string? ReturnReason, DateTime? SubmittedAt, DateTime? ApprovedAt, bool Locked);

/// <summary>The verdict of recomputing a locked report's hash (三、保障措施: nothing submitted may change silently).</summary>
public sealed record SnapshotCheck(Guid Id, bool Locked, string? RecordedHash, string ComputedHash, bool Canonical, bool? Matches,
    string Message);

public sealed record ReportFormResource(Guid Id, int Year, string Name, bool Confirmed, string Source,
    IReadOnlyList<ReportFormIndicator> Indicators);
