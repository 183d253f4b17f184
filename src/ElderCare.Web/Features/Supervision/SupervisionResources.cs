namespace ElderCare.Web.Features.Supervision;

public sealed record ChecklistItemResource(string Code, ChecklistGroup Group, string Text);

public sealed record DeadlineResource(FindingSeverity Severity, int Hours);

/// <summary>A checklist: its items by group and its deadline table; <c>confirmed</c> false shows 待确认 (ADR 0023).</summary>
public sealed record ChecklistResource(Guid Id, int Year, string Name, IReadOnlyList<ChecklistItemResource> Items,
    IReadOnlyList<DeadlineResource> Deadlines, string Source, bool Confirmed, DateTime? ConfirmedAt, string? ConfirmedBy)
{
    public static ChecklistResource From(SupervisionChecklist c) => new(c.Id, c.Year, c.Name,
        c.Items.Select(i => new ChecklistItemResource(i.Code, i.Group, i.Text)).ToList(),
        c.Deadlines.OrderBy(d => d.Hours).Select(d => new DeadlineResource(d.Severity, d.Hours)).ToList(), c.Source, c.Confirmed,
        c.ConfirmedAt, c.ConfirmedBy);
}

public sealed record SupervisionRoundResource(Guid Id, int Year, int Month, RoundConductor Conductor, string Organisation, Guid ChecklistId,
    string OpenedBy, DateTime OpenedAt)
{
    /// <summary>"2026年11月 · 区民政局".</summary>
    public string Name => $"{Year}年{Month}月 · {Organisation}";

    public static SupervisionRoundResource From(SupervisionRound r) =>
        new(r.Id, r.Year, r.Month, r.Conductor, r.Organisation, r.ChecklistId, r.OpenedBy, r.OpenedAt);
}

public sealed record InspectionResultResource(string ItemCode, ChecklistGroup? Group, string Text, ItemResult Result, string? Note);

public sealed record InspectionResource(Guid Id, Guid RoundId, string RoundName, Guid FacilityId, string FacilityName, string UnitCode,
    string Inspector, DateOnly InspectedOn, DateTime InspectedAt, IReadOnlyList<InspectionResultResource> Results, int Failed,
    string RecordedBy);

public sealed record FindingEventResource(FindingAct Act, DateTime At, string By, string? Note, IReadOnlyList<Guid> EvidenceIds,
    DateTime? DueAt);

/// <summary>A finding: <c>overdue</c> is computed on the app clock when read (<see cref="SupervisionRules.Overdue"/>).</summary>
public sealed record FindingResource(Guid Id, Guid InspectionId, Guid RoundId, Guid FacilityId, string FacilityName, string UnitCode,
    string? ItemCode, string? ItemText, string Description, FindingSeverity Severity, DateTime RaisedAt, string RaisedBy, DateTime DueAt,
    FindingStatus Status, bool Overdue, bool Repeated, bool RectifiedLate, IReadOnlyList<Guid> EvidenceIds,
    IReadOnlyList<FindingEventResource> Events, int Version);

/// <summary>What a facility's year of supervision feeds into its yearly evaluation (三(二)(三)).</summary>
public sealed record SupervisionSummary(Guid FacilityId, int Year, int Findings, int Overdue, int Repeated, int Open);
