using ElderCare.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Users;

/// <summary>The fields the add-user form and the edit-user form share: name, role and scope, unmask permission, mobile.</summary>
public abstract class UserFormModel : OutcomePageModel
{
    [BindProperty(Name = "displayName")] public string? DisplayName { get; set; }
    [BindProperty(Name = "role")] public string? Role { get; set; }
    [BindProperty(Name = "regionCode")] public string? RegionCode { get; set; }
    [BindProperty(Name = "facilityIds")] public List<string> FacilityIds { get; set; } = [];
    [BindProperty(Name = "canUnmask")] public bool CanUnmask { get; set; }
    [BindProperty(Name = "mobile")] public string? Mobile { get; set; }

    public UserChoices Choices { get; protected set; } = null!;

    public RoleFields RoleFields => new(Role, RegionCode, FacilityIds, CanUnmask, Choices);
}
