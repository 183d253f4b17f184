using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Infrastructure.Privacy;

using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Elders;


public sealed record ContactResource(string Name, string? Relation, string? Phone);

public sealed record FamilyDoctorResource(string? Name, string? Institution, DateOnly? Since);

public sealed record ConsentResource(string Basis, DateOnly On, string? RecordedBy);

/// <summary>An elder as the API shows it: ID number and phones masked (unmask with a reason: UnmaskElder).</summary>
public sealed record ElderResource(
    Guid Id, string Name, string IdNumber, DateOnly BirthDate, Sex Sex, int Age, string? Phone, string? Address,
    LocationResource? Location, string RegionCode, LivingArrangement LivingArrangement, IReadOnlyList<ElderCategory> Categories,
    IReadOnlyList<ContactResource> EmergencyContacts, FamilyDoctorResource? FamilyDoctor, ConsentResource Consent,
    ElderStatus Status, DateOnly StatusOn, int? CurrentLevel, string? LevelName, DateOnly? LastAssessedOn, DateOnly? NextAssessmentDue,
    int Version)
{
    public static ElderResource From(Elder e, FieldProtector protector, DateOnly today) => new(
        e.Id, e.Name, Masking.IdNumber(protector.Unprotect(e.IdNumberProtected))!, e.BirthDate, e.Sex, Elders.IdNumber.Age(e.BirthDate, today),
        Masking.Phone(protector.Unprotect(e.PhoneProtected)), e.Address,
        e.Latitude is { } lat && e.Longitude is { } lng ? new LocationResource(lat, lng) : null, e.RegionCode, e.LivingArrangement,
        e.Categories,
        e.EmergencyContacts
            .Select(c => new ContactResource(c.Name, c.Relation, Masking.Phone(protector.Unprotect(c.PhoneProtected))))
            .ToList(),
        e.FamilyDoctorName is null && e.FamilyDoctorInstitution is null
            ? null
            : new FamilyDoctorResource(e.FamilyDoctorName, e.FamilyDoctorInstitution, e.FamilyDoctorSince),
        new ConsentResource(e.ConsentBasis, e.ConsentOn, e.ConsentRecordedBy), e.Status, e.StatusOn, e.CurrentLevel,
        e.CurrentLevel is { } level ? CapabilityAssessment.LevelName(level) : null, e.LastAssessedOn,
        e.LastAssessedOn is { } last ? Reassessment.NextDue(last, e.ConditionChangedOn) : null, e.Version);
}

/// <summary>What a client sends to register or update an elder. On update, an absent ID number, phone or contact
/// list keeps the stored one (they are only ever shown masked).</summary>
public sealed record ElderInput
{
    public string? Name { get; init; }
    public string? IdNumber { get; init; }
    public string? Phone { get; init; }
    public string? Address { get; init; }
    public LocationResource? Location { get; init; }
    public string? RegionCode { get; init; }
    public LivingArrangement? LivingArrangement { get; init; }
    public List<ElderCategory>? Categories { get; init; }
    public List<ContactInput>? EmergencyContacts { get; init; }
    public FamilyDoctorResource? FamilyDoctor { get; init; }
    public ConsentInput? Consent { get; init; }
    public ElderStatus? Status { get; init; }
    public DateOnly? StatusOn { get; init; }
    public int? Version { get; init; }
}

public sealed record ContactInput(string? Name, string? Relation, string? Phone);

public sealed record ConsentInput(string? Basis, DateOnly? On);
