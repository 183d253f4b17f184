using ElderCare.Web.Features.Elders;

using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Alarms;

public sealed record StepResource(DateTime At, string? By);

/// <summary>An alarm as the API shows it, each step of the response chain with when and who.</summary>
public sealed record AlarmResource(
    Guid Id, AlarmKind Kind, AlarmStatus Status, Guid ElderId, Guid? DeviceId, DateTime OccurredAt, DateTime RaisedAt,
    LocationResource? Location, string RegionCode, Guid? StationId,
    StepResource? Acknowledged, StepResource? Dispatched, ResponderKind? Responder, string? ResponderName,
    StepResource? OnSite, double? OnSiteDistance, bool? OnSiteWithinRadius, StepResource? Resolved, AlarmOutcome? Outcome, string? Note,
    DateTime? EscalatedToDistrictAt, DateTime? EscalatedToTownAt, IReadOnlyList<AlarmAction> NextActions, int Version)
{
    public static AlarmResource From(Alarm a) => new(
        a.Id, a.Kind, a.Status, a.ElderId, a.DeviceId, a.OccurredAt, a.RaisedAt,
        a.Latitude is { } lat && a.Longitude is { } lng ? new LocationResource(lat, lng) : null, a.RegionCode, a.StationId,
        Step(a.AcknowledgedAt, a.AcknowledgedBy), Step(a.DispatchedAt, a.DispatchedBy), a.Responder, a.ResponderName,
        Step(a.OnSiteAt, a.OnSiteBy), a.OnSiteDistance, a.OnSiteWithinRadius, Step(a.ResolvedAt, a.ResolvedBy), a.Outcome, a.Note,
        a.EscalatedToDistrictAt, a.EscalatedToTownAt, AlarmLifecycle.Allowed(a.Status), a.Version);

    private static StepResource? Step(DateTime? at, string? by) => at is { } t ? new StepResource(t, by) : null;
}
