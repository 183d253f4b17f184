using ElderCare.Web.Infrastructure.Privacy;

namespace ElderCare.Web.Features.Services;

public sealed record CertificateResource(string Qualification, string? Number, DateOnly ExpiresOn);

/// <summary>A weekly slot: day 1 (Monday) … 7 (Sunday), from and to as "HH:mm" China time.</summary>
public sealed record SlotResource(int Day, string From, string To);

public sealed record WorkerResource(Guid Id, Guid ProviderId, string Name, string? Phone, WorkerKind Kind, IReadOnlyList<string> Qualifications,
    IReadOnlyList<CertificateResource> Certificates, IReadOnlyList<string> RegionCodes, IReadOnlyList<SlotResource> Availability,
    double? BaseLatitude, double? BaseLongitude, Guid? UserId, bool Active)
{
    /// <summary>The phone masked (personal data).</summary>
    public static WorkerResource From(Worker w, FieldProtector protector) => new(w.Id, w.ProviderId, w.Name,
        Masking.Phone(protector.Unprotect(w.PhoneProtected)),
        w.Kind, w.Qualifications, w.Certificates.Select(c => new CertificateResource(c.Qualification, c.Number, c.ExpiresOn)).ToList(), w.RegionCodes,
        w.Availability.Select(s => new SlotResource(s.Day, Hm(s.FromMinute), Hm(s.ToMinute))).ToList(), w.BaseLatitude, w.BaseLongitude,
            w.UserId, w.Active);

    public static string Hm(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}
