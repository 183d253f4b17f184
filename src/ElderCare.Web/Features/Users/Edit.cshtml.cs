using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Users;

/// <summary>
/// Changes a user's display name, role and scope, the unmask permission and the mobile number (UpdateUser). The form
/// never shows the stored mobile in full: left empty it keeps the stored number, so editing is not a way to unmask.
/// </summary>
[Authorize(Policy = Roles.Policies.ManageUsers)]
public sealed class UserEditModel(AppDbContext db, FieldProtector protector, Sessions sessions, AuditLog audit, CurrentUser current)
    : UserFormModel
{
    [BindProperty(Name = "clearMobile")] public bool ClearMobile { get; set; }

    public UserResource? Editing { get; private set; }
    public string? MaskedMobile => Editing?.Mobile;
    public bool Self => Editing?.Id == current.Id;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        var u = Editing!;
        DisplayName = u.DisplayName;
        Role = EnumText.Of(u.Role);
        RegionCode = u.RegionCode;
        FacilityIds = u.FacilityIds.Select(f => f.ToString()).ToList();
        CanUnmask = u.CanUnmask;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        var errors = new FieldErrors();
        var ids = UserChoices.ParseIds(FacilityIds, errors);
        var mobile = FormValues.Trimmed(Mobile) ?? (ClearMobile ? "" : null);
        if (errors.Any)
        {
            ModelState.AddFieldErrors(errors);
            return Page();
        }
        var input = new UpdateUser.Input(DisplayName, Role, FormValues.Trimmed(RegionCode), ids, CanUnmask, mobile);
        return Show(await UpdateUser.Handle(id, input, db, protector, sessions, audit, current, ct), Saved, NoSuchUser) ?? Page();
    }

    private const string NoSuchUser = "没有这个用户。";

    /// <summary>The user and the form's choices; the not-found panel when there is no such user.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        Choices = await UserChoices.LoadAsync(db, ct);
        var user = await GetUser.Handle(id, db, protector, ct);
        Editing = user.Value;
        return user.IsOk ? null : Missing(user.Message);
    }

    private RedirectResult Saved(UserResource after)
    {
        var before = Editing!;
        var permission = after.Role != before.Role || after.RegionCode != before.RegionCode || after.CanUnmask != before.CanUnmask
                         || !after.FacilityIds.SequenceEqual(before.FacilityIds);
        return RedirectWithFlash($"/users#user-{after.UserName}", $"已保存用户 {after.UserName}。"
                            + (permission ? "角色或权限已变化，该用户的全部登录已结束，须重新登录。" : ""));
    }
}
