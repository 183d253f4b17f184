using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Users;

namespace ElderCare.Web.Features.Shared;

/// <summary>The model of _RoleSelect: the roles an account (a user, an API client) may be given and the one chosen.</summary>
public sealed record RoleSelect(IEnumerable<Role> Roles, string? Selected);

/// <summary>The model of _FacilityOptions: the facilities an operator account may run, grouped by street or town, and those chosen.</summary>
public sealed record FacilityOptions(UserChoices Choices, IReadOnlyCollection<string> Selected);
