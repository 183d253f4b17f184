using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Users;

public static class UsersApi
{
    public sealed record ResetInput(string? Password);

    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("用户").RequireAuthorization(Roles.Policies.ManageUsers);

        g.MapGet("/", async (AppDbContext db, FieldProtector protector, CancellationToken ct) =>
                TypedResults.Ok((await ListUsers.Handle(new(null, null), db, protector, ct)).Rows.Select(r => r.User)))
            .WithSummary("用户列表（手机号脱敏）");

        g.MapPost("/", async (RegisterUser.Input input, AppDbContext db, UserManager<AppUser> users, FieldProtector protector, TimeProvider clock,
                AuditLog audit, CurrentUser actor, CancellationToken ct) =>
                (await RegisterUser.Handle(input, db, users, protector, clock, audit, actor, ct)).ToResult(u =>
                    TypedResults.Created($"/api/users/{u.Id}", u)))
            .WithSummary("新增用户：角色及其范围（镇街、设施），初始密码须在首次登录时修改");

        g.MapPut("/{id:guid}", async (Guid id, UpdateUser.Input input, AppDbContext db, FieldProtector protector, Sessions sessions,
                AuditLog audit, CurrentUser actor, CancellationToken ct) =>
                (await UpdateUser.Handle(id, input, db, protector, sessions, audit, actor, ct)).ToResult(TypedResults.Ok))
            .WithSummary("修改用户角色、范围或资料；权限变化时结束其全部会话");

        g.MapPost("/{id:guid}/disable", (Guid id, AppDbContext db, FieldProtector protector, Sessions sessions, AuditLog audit, CurrentUser actor,
            CancellationToken ct) =>
                Toggle(id, true, db, protector, sessions, audit, actor, ct))
            .Produces<UserResource>() // openapi: Toggle answers a plain IResult
            .WithSummary("停用用户，立即结束其全部会话和令牌");
        g.MapPost("/{id:guid}/enable", (Guid id, AppDbContext db, FieldProtector protector, Sessions sessions, AuditLog audit, CurrentUser actor,
            CancellationToken ct) =>
                Toggle(id, false, db, protector, sessions, audit, actor, ct))
            .Produces<UserResource>() // openapi: Toggle answers a plain IResult
            .WithSummary("启用用户");

        g.MapPost("/{id:guid}/reset-password", async (Guid id, ResetInput input, AppDbContext db, UserManager<AppUser> users, Sessions sessions,
                TimeProvider clock, AuditLog audit, CurrentUser actor, CancellationToken ct) =>
            {
                var name = await db.Users.Where(u => u.Id == id).Select(u => u.UserName).FirstOrDefaultAsync(ct);
                if (name is null) return ApiResults.NotFound("未找到该用户。");
                return (await SetPassword.Reset(name, input.Password, db, users, sessions, clock, audit, actor, ct))
                    .ToResult(r => TypedResults.Ok(new ResetPasswordResult(r.Password, MustChangePassword: true)));
            })
            .WithSummary("重置密码（不填则生成强密码，只显示一次）；用户下次登录须修改");

        g.MapPost("/{id:guid}/unmask", async (Guid id, UnmaskUserMobile.Input input, AppDbContext db, FieldProtector protector, AuditLog audit,
                CurrentUser actor, CancellationToken ct) =>
                (await UnmaskUserMobile.Handle(id, input, db, protector, audit, actor, ct)).ToResult(TypedResults.Ok))
            .WithSummary("查看完整手机号：须有权限并填写理由，记入审计日志");
        return api;
    }

    private static async Task<IResult> Toggle(Guid id, bool disable, AppDbContext db, FieldProtector protector, Sessions sessions, AuditLog audit,
        CurrentUser actor, CancellationToken ct)
    {
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.UserName).FirstOrDefaultAsync(ct);
        if (name is null) return ApiResults.NotFound("未找到该用户。");
        return (await DisableUser.Handle(name, disable, db, protector, sessions, audit, actor, ct)).ToResult(TypedResults.Ok);
    }

    /// <summary>The new password (shown this once); the user must change it at the next sign-in.</summary>
    public sealed record ResetPasswordResult(string Password, bool MustChangePassword);
}
