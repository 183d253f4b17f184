using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Users;

public static class UpdateUser
{
    /// <summary>A null mobile keeps the stored one; an empty string removes it.</summary>
    public sealed record Input(string? DisplayName, string? Role, string? RegionCode, List<Guid>? FacilityIds, bool CanUnmask, string? Mobile);

    /// <summary>Changes a user's role, scope or details. A change of permission ends the user's sessions.</summary>
    public static async Task<Outcome<UserResource>> Handle(Guid id, Input input, AppDbContext db, FieldProtector protector,
        Sessions sessions, AuditLog audit, CurrentUser actor, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return Outcome<UserResource>.NotFound("未找到该用户。");
        var errors = new FieldErrors();
        input = input with { DisplayName = errors.Text(input.DisplayName, "displayName", "姓名", FreeText.PersonName) };
        var role = RegisterUser.Validate(input.Role, input.RegionCode, input.FacilityIds, input.Mobile, errors);
        if (errors.Any) return Outcome<UserResource>.Invalid(errors);
        await RegisterUser.CheckScopeExists(role!.Value, input.RegionCode, input.FacilityIds, db, errors, ct);
        if (errors.Any) return Outcome<UserResource>.Invalid(errors);

        var region = role == Access.Role.TownOfficer ? input.RegionCode : null;
        var facilities = role == Access.Role.Operator ? input.FacilityIds! : [];
        var permissionChanged = user.Role != role || user.RegionCode != region || !user.FacilityIds.SequenceEqual(facilities)
            || user.CanUnmask != input.CanUnmask;
        if (!string.IsNullOrWhiteSpace(input.DisplayName)) user.DisplayName = input.DisplayName.Trim();
        user.Role = role.Value;
        user.RegionCode = region;
        user.FacilityIds = facilities;
        user.CanUnmask = input.CanUnmask;
        if (input.Mobile is not null) user.MobileProtected = protector.Protect(input.Mobile.Trim().Length == 0 ? null : input.Mobile.Trim());
        await db.SaveChangesAsync(ct);
        if (permissionChanged) await sessions.RevokeAllAsync(user.Id, ct);
        await audit.AppendAsync(new(actor.Id, actor.UserName, permissionChanged ? "user.permission" : "user.update", $"user/{user.UserName}",
            AuditOutcome.Success, actor.Address, $"角色 {EnumText.Of(user.Role)} 范围 {region ?? string.Join(",", facilities)} 可脱敏查看 {user.CanUnmask}"));
        return UserResource.From(user, protector);
    }
}
