using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Users;

/// <summary>
/// The user list as .xlsx: the accounts of <see cref="ListUsers"/> with its filters and order (Shared/ListExport: capped,
/// audited); the mobile masked unless the administrator may unmask (ADR 6).
/// </summary>
public static class ExportUsers
{
    public static async Task<Outcome<ExportFile>> Handle(ListUsers.Query q, CurrentUser user, AppDbContext db, FieldProtector protector,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var full = user.CanUnmask;
        return await ListExport.Write("users", "用户", q, _ => ListUsers.Filter(q, db), users => ListUsers.Sorted(users, q),
            (rows, token) => rows.ToListAsync(token),
            u =>
            {
                var mobile = protector.Unprotect(u.MobileProtected);
                return new Dictionary<string, object?>
                {
                    ["用户名"] = u.UserName,
                    ["姓名"] = u.DisplayName,
                    ["角色"] = Roles.Of(u.Role),
                    ["区划代码"] = u.RegionCode ?? "",
                    ["手机号"] = full ? mobile : Masking.Phone(mobile),
                    ["双因素认证"] = u.TwoFactorEnrolled ? "已启用" : "未启用",
                    ["状态"] = u.Disabled ? "已停用" : "正常",
                };
            },
            full, user, audit, clock, ct);
    }
}
