using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Account;

/// <summary>
/// Changing a password (by the user, who proves the current one) and resetting it (by an administrator or the
/// command line, which forces a change at next sign-in). Both end every session and token of the user.
/// </summary>
public static class SetPassword
{
    public sealed record ChangeInput(string? CurrentPassword, string? NewPassword);

    public static async Task<Outcome<AppUser>> Change(Guid userId, ChangeInput input, AppDbContext db, UserManager<AppUser> users,
        Sessions sessions, TimeProvider clock, AuditLog audit, string? address, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return Outcome<AppUser>.NotFound("未找到该用户。");
        if (user.PasswordHash is null || users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash,
            input.CurrentPassword ?? "") == PasswordVerificationResult.Failed)
            return Outcome<AppUser>.Invalid("currentPassword", "当前密码不正确。");
        if (input.NewPassword == input.CurrentPassword) return Outcome<AppUser>.Invalid("newPassword", "新密码不能与当前密码相同。");
        return await Set(user, input.NewPassword, mustChange: false, "newPassword", "user.password-change", user.UserName, userId, db, users,
            sessions, clock, audit, address, ct);
    }

    /// <summary>An administrator's reset; with no password given, a strong one is generated and returned once.</summary>
    public static async Task<Outcome<(AppUser User, string Password)>> Reset(string userName, string? password, AppDbContext db,
        UserManager<AppUser> users,
        Sessions sessions, TimeProvider clock, AuditLog audit, CurrentUser? actor, CancellationToken ct)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null) return Outcome<(AppUser, string)>.NotFound($"用户 {userName} 不存在。");
        var chosen = string.IsNullOrEmpty(password) ? Generate() : password;
        var set = await Set(user, chosen, mustChange: true, "password", "user.password-reset", actor?.UserName ?? "(命令行)", actor?.Id, db, users,
            sessions, clock, audit, actor?.Address, ct);
        return set.IsOk ? (user, chosen) : Outcome<(AppUser, string)>.Invalid(set.Errors!);
    }

    private static async Task<Outcome<AppUser>> Set(AppUser user, string? password, bool mustChange, string field, string action,
        string? actorName, Guid? actorId, AppDbContext db, UserManager<AppUser> users, Sessions sessions, TimeProvider clock, AuditLog audit,
        string? address, CancellationToken ct)
    {
        var errors = new FieldErrors();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            foreach (var e in result.Errors) errors.Add(field, e.Description);
        }
        if (errors.Any) return Outcome<AppUser>.Invalid(errors);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password!);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.MustChangePassword = mustChange;
        user.PasswordChangedAt = clock.UtcNow();
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await db.SaveChangesAsync(ct);
        await sessions.RevokeAllAsync(user.Id, ct);
        await audit.AppendAsync(new(actorId, actorName, action, $"user/{user.UserName}", AuditOutcome.Success, address, null));
        return user;
    }

    /// <summary>16 characters from all four classes, from a CSPRNG.</summary>
    public static string Generate()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "!@#$%^&*-_=+?";
        var all = upper + lower + digits + symbols;
        var chars = new[] { Pick(upper), Pick(lower), Pick(digits), Pick(symbols) }
            .Concat(Enumerable.Range(0, 12).Select(_ => Pick(all))).ToArray();
        System.Security.Cryptography.RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);

        static char Pick(string s) => s[System.Security.Cryptography.RandomNumberGenerator.GetInt32(s.Length)];
    }
}
