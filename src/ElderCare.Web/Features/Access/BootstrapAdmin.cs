using ElderCare.Web.Data;
using ElderCare.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Access;

public static class BootstrapAdmin
{
    public const string UserName = "admin";

    /// <summary>
    /// With no user at all, creates the district administrator: the password from ELDERCARE_ADMIN_PASSWORD, or a
    /// generated one returned to be printed once. Either way it must be changed, and two-factor enrolled, at first sign-in.
    /// Nodes of a cluster that start together race here (ADR 32): the one whose insert loses finds the administrator made.
    /// </summary>
    public static async Task<string?> RunAsync(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, string? configured,
        CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct)) return null;
        var password = string.IsNullOrEmpty(configured) ? SetPassword.Generate() : configured;
        var admin = new AppUser
        {
            UserName = UserName, DisplayName = "全区管理员", Role = Role.DistrictAdmin, MustChangePassword = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime, PasswordChangedAt = clock.GetUtcNow().UtcDateTime,
        };
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(admin, password);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Users.AsNoTracking().AnyAsync(u => u.UserName == UserName, ct)) return null; // another node made it
            throw;
        }
        if (MadeByAnotherNode(result)) return null;
        if (!result.Succeeded)
            throw new InvalidOperationException("ELDERCARE_ADMIN_PASSWORD 不符合密码策略：" + string.Join(" ", result.Errors.Select(e => e.Description)));
        return string.IsNullOrEmpty(configured) ? password : "（来自 ELDERCARE_ADMIN_PASSWORD）";
    }

    /// <summary>The race lost before the insert (ADR 32): the other node's administrator was committed after the check for
    /// no users and before Identity's own check of the name, which refuses the name as taken.</summary>
    internal static bool MadeByAnotherNode(IdentityResult result) =>
        !result.Succeeded && result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName));
}
