using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Users;

/// <summary>A facility an operator may be given, with the street or town it lies in.</summary>
public sealed record FacilityChoice(Guid Id, string Name, string UnitCode);

/// <summary>
/// What the user forms offer: the roles, the streets and towns (scope of a town officer) and the facilities (scope of
/// an operator), and how a user's scope reads in Chinese.
/// </summary>
public sealed class UserChoices
{
    public IReadOnlyList<RegionResource> Units { get; private init; } = [];
    public IReadOnlyList<FacilityChoice> Facilities { get; private init; } = [];

    public static IEnumerable<Role> AllRoles => Enum.GetValues<Role>();

    public static string RoleText(Role role) => EnumText.Of(role);

    public static async Task<UserChoices> LoadAsync(AppDbContext db, CancellationToken ct) => new()
    {
        Units = (await ListRegions.Handle(null, DataScope.District, db, ct)).Where(r => Region.IsUnit(r.Kind)).ToList(),
        Facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.UnitCode).ThenBy(f => f.Name)
            .Select(f => new FacilityChoice(f.Id, f.Name, f.UnitCode)).ToListAsync(ct),
    };

    public string UnitName(string? code) => Units.FirstOrDefault(u => u.Code == code)?.Name ?? code ?? Display.Unknown;

    /// <summary>The facilities grouped by street or town, for the operator's multi-select.</summary>
    public IEnumerable<(string Unit, IReadOnlyList<FacilityChoice> Facilities)> FacilitiesByUnit() =>
        Facilities.GroupBy(f => f.UnitCode).Select(g => (UnitName(g.Key), (IReadOnlyList<FacilityChoice>)g.ToList()));

    /// <summary>What part of the district the user sees (DataScope), in words.</summary>
    public string ScopeOf(Role role, string? regionCode, IReadOnlyList<Guid> facilityIds) => role switch
    {
        Role.TownOfficer => UnitName(regionCode),
        Role.Operator => facilityIds.Count == 0
            ? "（未指定设施）"
            : string.Join("、", facilityIds.Select(id => Facilities.FirstOrDefault(f => f.Id == id)?.Name ?? "（已删除的设施）")),
        Role.Caregiver => "本人的工单和上门服务",
        _ => "全区",
    };

    /// <summary>The ticked facilities as ids; a value that is not one becomes an error of the field.</summary>
    public static List<Guid> ParseIds(IEnumerable<string> values, FieldErrors errors)
    {
        var ids = new List<Guid>();
        foreach (var v in values)
            if (FormValues.Id(v, "facilityIds", errors) is { } id && !ids.Contains(id)) ids.Add(id);
        return ids;
    }
}

/// <summary>The role and scope fields of the add and edit forms, as typed.</summary>
public sealed record RoleFields(string? Role, string? RegionCode, IReadOnlyList<string> FacilityIds, bool CanUnmask, UserChoices Choices);
