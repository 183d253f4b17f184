using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Auth;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Account;

public enum SignInStatus { Ok, Failed, CodeRequired }

/// <summary>The result of a sign-in attempt. <c>Restricted</c>: the user must change the password or enrol two-factor first.</summary>
public sealed record SignInResult(SignInStatus Status, AppUser? User = null, bool Restricted = false);

/// <summary>
/// Password, lockout and two-factor checks shared by the sign-in page and the token endpoint (QUALITY.md S1–S4).
/// Unknown user, wrong password, disabled and locked accounts all give the same answer, after the same work.
/// </summary>
public sealed class SignIn(AppDbContext db, IPasswordHasher<AppUser> hasher, FieldProtector protector, TimeProvider clock, AuditLog audit)
{
    /// <summary>等保 8.1.4.1 b: 5 failures within 15 minutes lock the account for 15 minutes.</summary>
    public const int MaxFailures = 5;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private static readonly AppUser Nobody = new() { UserName = "nobody" };
    private static string? _dummyHash;

    public async Task<SignInResult> Handle(string? userName, string? password, string? code, string? address, CancellationToken ct)
    {
        var name = userName?.Trim() ?? "";
        var user = name.Length == 0 ? null : await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == name.ToUpperInvariant(), ct);
        var now = clock.UtcNow();
        if (user is null)
        {
            _dummyHash ??= hasher.HashPassword(Nobody, "a-password-nobody-has");
            hasher.VerifyHashedPassword(Nobody, _dummyHash, password ?? ""); // same work as for a real user (ASVS 6.3.8)
            return await Fail(null, name, address, "unknown-user");
        }

        var verdict = user.PasswordHash is null ? PasswordVerificationResult.Failed : hasher.VerifyHashedPassword(user, user.PasswordHash,
            password ?? "");
        if (user.Disabled) return await Fail(user, name, address, "disabled");
        if (user.LockoutEnd > now) return await Fail(user, name, address, "locked");
        if (verdict == PasswordVerificationResult.Failed) return await CountFailure(user, name, address, "wrong-password", now, ct);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = hasher.HashPassword(user, password!);

        if (user.TwoFactorRequired && user.TwoFactorEnrolled)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                await db.SaveChangesAsync(ct);
                return new SignInResult(SignInStatus.CodeRequired, user);
            }
            if (!CheckSecondFactor(user, code, now)) return await CountFailure(user, name, address, "wrong-code", now, ct);
        }

        return await Succeed(user, address, now, ct);
    }

    /// <summary>The second step of the sign-in page: the password was verified moments ago; now the code.</summary>
    public async Task<SignInResult> SecondFactor(Guid userId, string? code, string? address, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        var now = clock.UtcNow();
        if (user is null || user.Disabled || user.LockoutEnd > now || !user.TwoFactorEnrolled)
            return await Fail(user, user?.UserName ?? "", address, "second-factor-refused");
        if (string.IsNullOrWhiteSpace(code) || !CheckSecondFactor(user, code.Trim(), now))
            return await CountFailure(user, user.UserName!, address, "wrong-code", now, ct);
        return await Succeed(user, address, now, ct);
    }

    /// <summary>Whether the user must first change the password (initial, reset or older than 90 days) or enrol two-factor.</summary>
    public static bool IsRestricted(AppUser user, DateTime now) =>
        user.MustChangePassword
        || PasswordPolicy.MustRotate(Roles.IsPrivileged(user.Role), user.PasswordChangedAt, now)
        || (user.TwoFactorRequired && !user.TwoFactorEnrolled);

    private async Task<SignInResult> Succeed(AppUser user, string? address, DateTime now, CancellationToken ct)
    {
        user.AccessFailedCount = 0;
        user.FailureWindowStart = null;
        await db.SaveChangesAsync(ct);
        var restricted = IsRestricted(user, now);
        await audit.AppendAsync(new(user.Id, user.UserName, "auth.sign-in", $"user/{user.UserName}", AuditOutcome.Success, address,
            restricted ? "须先修改密码或启用双因素认证" : null));
        return new SignInResult(SignInStatus.Ok, user, restricted);
    }

    /// <summary>A TOTP code (not a step already used) or an unused recovery code, which is then spent.</summary>
    private bool CheckSecondFactor(AppUser user, string code, DateTime now)
    {
        var key = Convert.FromBase64String(protector.Unprotect(user.TotpKeyProtected)!);
        if (Totp.Verify(key, code, new DateTimeOffset(now, TimeSpan.Zero), user.TotpLastStep) is { } step)
        {
            user.TotpLastStep = step;
            return true;
        }
        var hash = RecoveryCodes.Hash(code);
        return user.RecoveryCodeHashes.Remove(hash);
    }

    private async Task<SignInResult> CountFailure(AppUser user, string name, string? address, string reason, DateTime now, CancellationToken ct)
    {
        if (user.FailureWindowStart is null || now - user.FailureWindowStart > FailureWindow)
        {
            user.FailureWindowStart = now;
            user.AccessFailedCount = 0;
        }
        user.AccessFailedCount++;
        if (user.AccessFailedCount >= MaxFailures)
        {
            user.LockoutEnd = now + LockoutDuration;
            user.AccessFailedCount = 0;
            user.FailureWindowStart = null;
            reason += "; locked for 15 minutes";
        }
        await db.SaveChangesAsync(ct);
        return await Fail(user, name, address, reason);
    }

    private async Task<SignInResult> Fail(AppUser? user, string name, string? address, string reason)
    {
        await audit.AppendAsync(new(user?.Id, name.Length > 100 ? name[..100] : name, "auth.sign-in", $"user/{name}", AuditOutcome.Failure, address,
            reason));
        return new SignInResult(SignInStatus.Failed);
    }
}

/// <summary>One-time recovery codes for a lost authenticator: shown once, stored hashed, spent on use.</summary>
public static class RecoveryCodes
{
    public static List<string> New(int count = 10) =>
        Enumerable.Range(0, count).Select(_ => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(5))).ToList();

    public static string Hash(string code) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code.Trim().ToLowerInvariant())));
}
