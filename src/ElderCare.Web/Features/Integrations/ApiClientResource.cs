using ElderCare.Web.Features.Access;

namespace ElderCare.Web.Features.Integrations;

public enum ApiClientStatus { Active, Expired, Revoked }

/// <summary>An integration account as the API and the pages show it (never a secret or its hash).</summary>
public sealed record ApiClientResource(Guid Id, string Name, string ActorName, Role Role, string? RegionCode, IReadOnlyList<Guid> FacilityIds,
    int RequestsPerMinute, bool OwnRateLimit, DateTime? ExpiresAt, ApiClientStatus Status, int ActiveSecrets, DateTime CreatedAt,
    string? CreatedBy, DateTime? RevokedAt, DateTime? LastUsedAt)
{
    public static ApiClientResource From(ApiClient c, int activeSecrets, IntegrationOptions options, DateTime now) =>
        new(c.Id, c.Name, c.ActorName, c.Role, c.RegionCode, c.FacilityIds, c.RequestsPerMinute ?? options.RequestsPerMinute,
            c.RequestsPerMinute is not null, c.ExpiresAt, StatusOf(c, now), activeSecrets, c.CreatedAt, c.CreatedBy, c.RevokedAt,
            c.LastUsedAt);

    public static ApiClientStatus StatusOf(ApiClient c, DateTime now) =>
        c.RevokedAt is not null ? ApiClientStatus.Revoked : c.IsActive(now) ? ApiClientStatus.Active : ApiClientStatus.Expired;
}

/// <summary>A secret as listed: its hint (prefix and last four characters), never the value.</summary>
public sealed record ApiClientSecretResource(Guid Id, string Hint, DateTime CreatedAt, DateTime? RetiredAt, DateTime? LastUsedAt)
{
    public static ApiClientSecretResource From(ApiClientSecret s) => new(s.Id, s.Hint, s.CreatedAt, s.RetiredAt, s.LastUsedAt);
}

/// <summary>One client with its secrets, newest first.</summary>
public sealed record ApiClientDetails(ApiClientResource Client, IReadOnlyList<ApiClientSecretResource> Secrets);

/// <summary>A new client and its first secret: the secret is in this answer only (stored as its hash).</summary>
public sealed record ApiClientCreated(ApiClientResource Client, Guid SecretId, string Secret);

/// <summary>A new secret of a client (rotation): shown in this answer only.</summary>
public sealed record ClientSecretCreated(Guid ClientId, Guid SecretId, string Secret, string Hint);
