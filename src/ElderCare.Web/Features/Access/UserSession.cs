using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Access;

public enum SessionKind { Cookie, Token }

/// <summary>
/// A server-side session behind a cookie or a bearer token (QUALITY.md S3): 15 minutes idle, 8 hours absolute.
/// Signing out, disabling the user or changing the password revokes every session of the user at once.
/// </summary>
public sealed class UserSession
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(8);

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public SessionKind Kind { get; init; }

    /// <summary>SHA-256 of the bearer token (the token itself is never stored).</summary>
    public string? TokenHash { get; init; }

    public DateTime CreatedAt { get; init; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? Address { get; init; }

    /// <summary>Set while the user must change the password or enrol two-factor before doing anything else.</summary>
    public bool Restricted { get; set; }

    public DateTime ExpiresAt => CreatedAt + AbsoluteLifetime;

    public bool IsActive(DateTime now) => RevokedAt is null && now - LastSeenAt <= IdleTimeout && now < ExpiresAt;
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> e)
    {
        e.Property(s => s.Kind).HasMaxLength(10);
        e.Property(s => s.TokenHash).HasMaxLength(64);
        e.Property(s => s.Address).HasMaxLength(64);
        e.HasIndex(s => s.TokenHash).IsUnique();
        e.HasIndex(s => s.UserId);
        e.Ignore(s => s.ExpiresAt);
    }
}
