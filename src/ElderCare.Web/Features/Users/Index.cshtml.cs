using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Users;

/// <summary>
/// 用户管理: every account with its role, scope and security state (mobile masked), the form to add one, and
/// re-enabling a disabled account. Disabling, resetting a password and unmasking have their own confirmation pages.
/// </summary>
[Authorize(Policy = Roles.Policies.ManageUsers)]
public sealed class UsersModel(AppDbContext db, UserManager<AppUser> users, FieldProtector protector, TimeProvider clock,
    AuditLog audit, CurrentUser current, Sessions sessions) : UserFormModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "filterRole")] public string? FilterRole { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "dir")] public string? Dir { get; set; }

    /// <summary>Sort headers and the export link, keeping the filters (Shared/Sorting.cs).</summary>
    public ListLinks Links => new("/users", new Dictionary<string, string?> { ["q"] = Q, ["filterRole"] = FilterRole },
        ListUsers.Sorting.Resolve(Sort, Dir), ListUsers.Sorting.Default);

    /// <summary>The export reads from the reports replica when there is one (ADR 32); the list itself reads the primary.</summary>
    public async Task<IActionResult> OnGetExportAsync([FromKeyedServices(ReadReplica.Key)] AppDbContext reports, CancellationToken ct)
    {
        var outcome = await ExportUsers.Handle(new ListUsers.Query(Q, FilterRole, Sort, Dir), current, reports, protector, audit, clock, ct);
        if (outcome is { IsOk: true, Value: { } file }) return File(file.Content, file.ContentType, file.FileName);
        ModelState.AddFieldErrors(outcome.Errors!);
        await LoadAsync(ct);
        return Page();
    }

    [BindProperty(Name = "userName")] public string? UserName { get; set; }
    [BindProperty(Name = "password")] public string? Password { get; set; }

    public IReadOnlyList<UserRow> List { get; private set; } = [];
    public int Total { get; private set; }
    public DateTimeOffset Now => clock.GetUtcNow();
    public Guid? Me => current.Id;

    /// <summary>A password shown once, after it was generated on adding a user or on a reset.</summary>
    public string? OneTimePassword { get; private set; }
    public string? OneTimeFor { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The generated password leaves TempData on this first read, so it shows once (and never lands in a cache).
        OneTimePassword = TempData[OneTime.PasswordKey] as string;
        OneTimeFor = TempData[OneTime.UserKey] as string;
        if (OneTimePassword is not null) Response.Headers.CacheControl = "no-cache, no-store";
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var ids = UserChoices.ParseIds(FacilityIds, errors);
        // No password typed: generate a strong one, shown once (SetPassword.Generate meets the policy).
        var generated = string.IsNullOrEmpty(Password) ? SetPassword.Generate() : null;
        if (!errors.Any)
        {
            var input = new RegisterUser.Input(UserName, DisplayName, Role, FormValues.Trimmed(RegionCode), ids, CanUnmask, Mobile,
                generated ?? Password);
            var outcome = await RegisterUser.Handle(input, db, users, protector, clock, audit, current, ct);
            if (outcome.IsOk)
            {
                var added = outcome.Value!;
                if (generated is not null) OneTime.Show(TempData, added.UserName, generated);
                return RedirectWithFlash($"/users#user-{added.UserName}", $"已新增用户 {added.UserName}（{Roles.Of(added.Role)}）。首次登录时须修改初始密码。");
            }
            if (outcome.Kind == OutcomeKind.Conflict) errors.Add("userName", outcome.Message!);
            else outcome.Errors!.MergeInto(errors);
        }
        ModelState.AddFieldErrors(errors);
        Password = null;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Re-enabling is not destructive, so it needs no confirmation.</summary>
    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct)
    {
        if ((await GetUser.Handle(id, db, protector, ct)).Value?.UserName is not { } name) return NotFound();
        var outcome = await DisableUser.Handle(name, disable: false, db, protector, sessions, audit, current, ct);
        if (!outcome.IsOk) return NotFound();
        return RedirectWithFlash($"/users#user-{name}", $"已启用用户 {name}，该用户可以重新登录。");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Choices = await UserChoices.LoadAsync(db, ct);
        var users = await ListUsers.Handle(new ListUsers.Query(Q, FilterRole, Sort, Dir), db, protector, ct);
        List = users.Rows;
        Total = users.Total;
    }

    public string ScopeOf(UserResource u) => Choices.ScopeOf(u.Role, u.RegionCode, u.FacilityIds);

    public bool LockedNow(UserResource u) => u.LockedUntil > Now;
}

/// <summary>A generated password carried from the POST to the next GET of /users, and read there once.</summary>
public static class OneTime
{
    public const string PasswordKey = "OneTimePassword";
    public const string UserKey = "OneTimeFor";

    public static void Show(Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary tempData, string userName, string password)
    {
        tempData[PasswordKey] = password;
        tempData[UserKey] = userName;
    }
}
