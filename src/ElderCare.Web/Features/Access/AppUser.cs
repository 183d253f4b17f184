using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Access;

/// <summary>A member of staff. ASP.NET Core Identity keeps the password hash, security stamp and lockout fields;
/// the role and its scope on the map are ours (DESIGN.md, People and access).</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";
    public Role Role { get; set; }

    /// <summary>The street or town of a town officer (scope).</summary>
    public string? RegionCode { get; set; }

    /// <summary>The facilities an operator runs (scope).</summary>
    public List<Guid> FacilityIds { get; set; } = [];

    /// <summary>May unmask personal data (with a reason, audited); requires two-factor sign-in.</summary>
    public bool CanUnmask { get; set; }

    public bool Disabled { get; set; }
    public bool MustChangePassword { get; set; }
    public DateTime? PasswordChangedAt { get; set; }

    /// <summary>Start of the current window of failed sign-ins (5 failures within 15 minutes lock the account).</summary>
    public DateTime? FailureWindowStart { get; set; }

    /// <summary>The TOTP key, encrypted with the field protector; null until enrolled.</summary>
    public string? TotpKeyProtected { get; set; }

    /// <summary>The last TOTP time step accepted, so a code cannot be replayed.</summary>
    public long? TotpLastStep { get; set; }

    /// <summary>Hashes of unused recovery codes.</summary>
    public List<string> RecoveryCodeHashes { get; set; } = [];

    /// <summary>The user's mobile phone, encrypted at rest (personal data, masked by default).</summary>
    public string? MobileProtected { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool TwoFactorRequired => Roles.RequiresTwoFactor(Role, CanUnmask);
    public bool TwoFactorEnrolled => TotpKeyProtected is not null;
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(100);
        e.Property(u => u.Role).HasMaxLength(30);
        e.Property(u => u.RegionCode).HasMaxLength(12);
        e.Property(u => u.MobileProtected).HasMaxLength(200);
        e.Property(u => u.TotpKeyProtected).HasMaxLength(200);
        e.PrimitiveCollection(u => u.FacilityIds);
        e.PrimitiveCollection(u => u.RecoveryCodeHashes);
    }
}
