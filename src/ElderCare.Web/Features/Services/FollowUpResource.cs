namespace ElderCare.Web.Features.Services;

public sealed record FollowUpResource(Guid Id, Guid OrderId, string ElderName, string ItemName, string? WorkerName, DateTime WindowStart,
    DateTime QueuedAt, DateTime? CalledAt, string? CalledBy, bool? Reached, bool? ServiceHappened, bool? Satisfied, string? Notes);
