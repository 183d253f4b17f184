namespace ElderCare.Web.Features.Services;

public sealed record ComplaintResource(Guid Id, Guid OrderId, string ItemName, string ElderName, string? ProviderName,
    ComplaintSeverity Severity, string Text, DateTime ReceivedAt, DateTime DueAt, string ReceivedBy, DateTime? ResolvedAt, string? Resolution,
    bool Overdue);
