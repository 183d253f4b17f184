using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Integrations;

/// <summary>
/// An integration account (接口账户) of another system — the municipal platform, a 12349 call centre — with a role and a
/// scope like a user's, an expiry, and at most two active secrets (ADR 29: rotation without downtime). Created by the
/// district administrator; revoking it refuses its secrets and every token issued to it on the next call.
/// </summary>
public sealed class ApiClient
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public Role Role { get; set; }

    /// <summary>The street or town of a town-level client (scope, as for a user).</summary>
    public string? RegionCode { get; set; }

    /// <summary>The facilities of an operator-level client (scope, as for a user).</summary>
    public List<Guid> FacilityIds { get; set; } = [];

    /// <summary>Requests per minute; null = <see cref="IntegrationOptions.RequestsPerMinute"/>.</summary>
    public int? RequestsPerMinute { get; set; }

    public DateTime? ExpiresAt { get; set; }
    public DateTime CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    /// <summary>The last authenticated call, written at most once a minute (<see cref="ClientSecrets.LastUsedEvery"/>).</summary>
    public DateTime? LastUsedAt { get; set; }

    /// <summary>The name the audit trail shows for the client's calls, e.g. "接口:市平台".</summary>
    public string ActorName => ClientSecrets.ActorName(Name);

    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}

/// <summary>A secret of a client: only its SHA-256 is stored (ADR 29), with a hint (the last characters) to tell two apart.</summary>
public sealed class ApiClientSecret
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ClientId { get; init; }
    public required string Hash { get; init; }
    public required string Hint { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? RetiredAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

/// <summary>A short-lived access token of the client-credentials grant (RFC 6749 §4.4), stored as its SHA-256.</summary>
public sealed class ApiClientToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ClientId { get; init; }
    public Guid SecretId { get; init; }
    public required string Hash { get; init; }
    public DateTime IssuedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
}

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> e)
    {
        e.Property(c => c.Name).HasMaxLength(50);
        e.Property(c => c.Role).HasMaxLength(30);
        e.Property(c => c.RegionCode).HasMaxLength(12);
        e.Property(c => c.CreatedBy).HasMaxLength(100);
        e.Property(c => c.RevokedBy).HasMaxLength(100);
        e.PrimitiveCollection(c => c.FacilityIds);
        e.HasIndex(c => c.Name).IsUnique();
        e.Ignore(c => c.ActorName);
    }
}

internal sealed class ApiClientSecretConfiguration : IEntityTypeConfiguration<ApiClientSecret>
{
    public void Configure(EntityTypeBuilder<ApiClientSecret> e)
    {
        e.Property(s => s.Hash).HasMaxLength(64);
        e.Property(s => s.Hint).HasMaxLength(20);
        e.HasIndex(s => s.Hash).IsUnique();
        e.HasIndex(s => s.ClientId);
        e.HasOne<ApiClient>().WithMany().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiClientTokenConfiguration : IEntityTypeConfiguration<ApiClientToken>
{
    public void Configure(EntityTypeBuilder<ApiClientToken> e)
    {
        e.Property(t => t.Hash).HasMaxLength(64);
        e.HasIndex(t => t.Hash).IsUnique();
        e.HasIndex(t => new { t.ClientId, t.ExpiresAt });
        e.HasOne<ApiClient>().WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ApiClientSecret>().WithMany().HasForeignKey(t => t.SecretId).OnDelete(DeleteBehavior.Cascade);
    }
}
