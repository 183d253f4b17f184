using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Infrastructure.Privacy;

namespace ElderCare.Web.Features.Users;

/// <summary>A user as the API shows it; the mobile number is masked (unmask with a reason: UnmaskUserMobile).</summary>
public sealed record UserResource(
    Guid Id, string UserName, string DisplayName, Role Role, string? RegionCode, IReadOnlyList<Guid> FacilityIds,
    bool CanUnmask, bool Disabled, bool TwoFactorEnrolled, string? Mobile, DateTimeOffset? LockedUntil)
{
    public static UserResource From(AppUser u, FieldProtector protector) => new(
        u.Id, u.UserName ?? "", u.DisplayName, u.Role, u.RegionCode, u.FacilityIds, u.CanUnmask, u.Disabled, u.TwoFactorEnrolled,
        Masking.Phone(protector.Unprotect(u.MobileProtected)), u.LockoutEnd);
}
