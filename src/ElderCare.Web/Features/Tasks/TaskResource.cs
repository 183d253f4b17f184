namespace ElderCare.Web.Features.Tasks;

/// <summary>A task as the API and pages show it; <c>overdue</c> and <c>daysOverdue</c> on the app clock's China date.</summary>
public sealed record TaskResource(Guid Id, string UnitCode, string UnitName, string RegionCode, Guid? FacilityId, string? FacilityName,
    string Title, DutyTaskKind Kind, string? Description, string? ResponsibleName, string? ResponsiblePhone, string? ResponsiblePost,
    DateOnly DueOn, DutyTaskStatus Status, DutyTaskSource Source, string? SourceKey, bool Overdue, int DaysOverdue, int EscalationLevel,
    string? StatusNote, IReadOnlyList<Guid> EvidenceIds, string CreatedBy, DateTime CreatedAt, DateTime UpdatedAt, int Version);

/// <summary>One recorded escalation of a task.</summary>
public sealed record TaskEscalationResource(int Level, int DaysOverdue, string Recipient, string Message, DateTime RecordedAt,
    DateTime? NotifiedAt);

/// <summary>A task with its escalations and evidence files (the task page).</summary>
public sealed record TaskDetails(TaskResource Task, IReadOnlyList<TaskEscalationResource> Escalations,
    IReadOnlyList<Evidence.EvidenceResource> Evidence);
