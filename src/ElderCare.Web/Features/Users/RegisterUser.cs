using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Users;

public static class RegisterUser
{
    public sealed record Input(string? UserName, string? DisplayName, string? Role, string? RegionCode, List<Guid>? FacilityIds,
        bool CanUnmask, string? Mobile, string? Password);

    /// <summary>Creates a user with a role and its scope; the password must meet the policy and is changed at first sign-in.</summary>
    public static async Task<Outcome<UserResource>> Handle(Input input, AppDbContext db, UserManager<AppUser> users,
        FieldProtector protector, TimeProvider clock, AuditLog audit, CurrentUser actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        input = input with { DisplayName = errors.Text(input.DisplayName, "displayName", "姓名", FreeText.PersonName) };
        var name = input.UserName?.Trim() ?? "";
        if (name.Length is < 2 or > 50 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            errors.Add("userName", "用户名为 2 至 50 位字母、数字或 . _ -。");
        var role = Validate(input.Role, input.RegionCode, input.FacilityIds, input.Mobile, errors);
        if (errors.Any) return Outcome<UserResource>.Invalid(errors);
        await CheckScopeExists(role!.Value, input.RegionCode, input.FacilityIds, db, errors, ct);
        if (errors.Any) return Outcome<UserResource>.Invalid(errors);
        if (await users.FindByNameAsync(name) is not null) return Outcome<UserResource>.Conflict($"用户名 {name} 已被使用。");

        var user = new AppUser
        {
            UserName = name, DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? name : input.DisplayName.Trim(),
            Role = role.Value, RegionCode = role == Access.Role.TownOfficer ? input.RegionCode : null,
            FacilityIds = role == Access.Role.Operator ? input.FacilityIds ?? [] : [], CanUnmask = input.CanUnmask,
            MobileProtected = protector.Protect(string.IsNullOrWhiteSpace(input.Mobile) ? null : input.Mobile.Trim()),
            MustChangePassword = true, PasswordChangedAt = clock.UtcNow(), CreatedAt = clock.UtcNow(),
        };
        var created = await users.CreateAsync(user, input.Password ?? "");
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors) errors.Add(e.Code == "password" ? "password" : "userName", e.Description);
            return Outcome<UserResource>.Invalid(errors);
        }
        await audit.AppendAsync(new(actor.Id, actor.UserName, "user.add", $"user/{name}", AuditOutcome.Success, actor.Address,
            $"角色 {EnumText.Of(role.Value)} 范围 {user.RegionCode ?? string.Join(",", user.FacilityIds)}"));
        return UserResource.From(user, protector);
    }

    /// <summary>A role needs its scope: a town officer one street or town, an operator at least one facility.</summary>
    internal static Role? Validate(string? roleText, string? regionCode, List<Guid>? facilityIds, string? mobile, FieldErrors errors)
    {
        Role? role = null;
        if (string.IsNullOrWhiteSpace(roleText)) errors.Add("role", "请选择角色。");
        else role = EnumText.Optional<Role>(roleText, "role", errors);
        if (role == Access.Role.TownOfficer && (regionCode?.Length != 9))
            errors.Add("regionCode", "镇街用户须指定所属街道或镇（9 位代码）。");
        if (role == Access.Role.Operator && (facilityIds is null || facilityIds.Count == 0))
            errors.Add("facilityIds", "服务机构用户须指定其运营的设施。");
        if (!string.IsNullOrWhiteSpace(mobile) && !System.Text.RegularExpressions.Regex.IsMatch(mobile.Trim(), "^1[3-9][0-9]{9}$"))
            errors.Add("mobile", "手机号应为 11 位数字。");
        return role;
    }

    internal static async Task CheckScopeExists(Role role, string? regionCode, List<Guid>? facilityIds, AppDbContext db, FieldErrors errors,
        CancellationToken ct)
    {
        if (role == Access.Role.TownOfficer &&
            !await db.Regions.Units().AnyAsync(r => r.Code == regionCode, ct))
            errors.Add("regionCode", $"街道或镇 {regionCode} 不存在。");
        if (role == Access.Role.Operator && facilityIds is { Count: > 0 })
        {
            var found = await db.Facilities.CountAsync(f => facilityIds.Contains(f.Id), ct);
            if (found != facilityIds.Distinct().Count()) errors.Add("facilityIds", "有设施不存在。");
        }
    }
}
