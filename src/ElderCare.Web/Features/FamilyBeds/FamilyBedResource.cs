namespace ElderCare.Web.Features.FamilyBeds;

public sealed record FamilyBedResource(Guid Id, Guid ElderId, string ElderName, Guid FacilityId, string FacilityName, DateOnly SignedOn,
    DateOnly? EndedOn, IReadOnlyList<string> Adaptations, IReadOnlyList<string> Devices, Guid ServiceItemId, string ItemName,
    int VisitsPerMonth, int VisitHour, PlanKept Month);

/// <summary>Whether the care plan is kept in a month: visits planned, scheduled (orders), verified (EVV) and missed.</summary>
public sealed record PlanKept(string Month, int Planned, int Scheduled, int Verified, int Missed, bool Kept);
