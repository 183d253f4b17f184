using System.Security.Claims;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Access;

/// <summary>Claim types of our principals.</summary>
public static class AccessClaims
{
    public const string Session = "sid";
    public const string Region = "region";
    public const string Facility = "facility";
    public const string Unmask = "unmask";
    public const string Restricted = "restricted";
}

/// <summary>Who is asking, from the authenticated principal (DESIGN.md: identity comes from DI, never statics).</summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    private ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public Guid? Id => IdOf(Principal);
    public string? UserName => Principal.Identity?.Name;
    public Guid? SessionId => Guid.TryParse(Principal.FindFirstValue(AccessClaims.Session), out var id) ? id : null;
    public Role? Role => RoleOf(Principal);
    public bool CanUnmask => Principal.HasClaim(AccessClaims.Unmask, "true");
    public string? Address => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public DataScope Scope => ScopeOf(Principal);

    /// <summary>The scope of a signed-in principal — also where no request is at hand (a SignalR connection's user).</summary>
    public static DataScope ScopeOf(ClaimsPrincipal principal) => DataScope.For(RoleOf(principal), principal.FindFirstValue(AccessClaims.Region),
        principal.FindAll(AccessClaims.Facility).Select(c => Guid.Parse(c.Value)).ToHashSet(), IdOf(principal));

    private static Guid? IdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    private static Role? RoleOf(ClaimsPrincipal principal) =>
        EnumText.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;
}

public enum ScopeKind { Nothing, District, Unit, Facilities, Own }

/// <summary>
/// What part of the map a user may see (DESIGN.md): the district for district roles, one street or town (and its
/// communities and villages) for a town officer, its own facilities for an operator; a caregiver sees only own orders.
/// Every query applies it; a record outside scope answers 404.
/// </summary>
public sealed record DataScope(ScopeKind Kind, string? RegionCode, IReadOnlySet<Guid> FacilityIds, Guid? UserId = null)
{
    public static readonly DataScope District = new(ScopeKind.District, null, new HashSet<Guid>());
    public static readonly DataScope Nothing = new(ScopeKind.Nothing, null, new HashSet<Guid>());

    public static DataScope For(Role? role, string? regionCode, IReadOnlySet<Guid> facilities, Guid? userId = null) => role switch
    {
        Access.Role.DistrictAdmin or Access.Role.DistrictStaff or Access.Role.Evaluator or Access.Role.Auditor => District,
        Access.Role.TownOfficer when regionCode is { Length: > 0 } => new(ScopeKind.Unit, regionCode, new HashSet<Guid>()),
        Access.Role.Operator => new(ScopeKind.Facilities, null, facilities),
        // A caregiver sees the orders assigned to the worker linked to their user (Services/OrderQueries).
        Access.Role.Caregiver when userId is { } id => new(ScopeKind.Own, null, new HashSet<Guid>(), id),
        _ => Nothing,
    };

    /// <summary>Whether a region code lies in scope (a unit's own code, or a community or village under it).</summary>
    public bool Covers(string regionCode) => Kind switch
    {
        ScopeKind.District => true,
        ScopeKind.Unit => regionCode.StartsWith(RegionCode!, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>The region prefix a coverage or list query is limited to ("" = the whole district), or null for none.</summary>
    public string? RegionPrefix => Kind switch
    {
        ScopeKind.District => "",
        ScopeKind.Unit => RegionCode,
        _ => null,
    };
}
