using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Auth;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Account;

/// <summary>TOTP enrolment: a new key is shown (as text and otpauth URI), kept encrypted in the form until the first
/// code from the authenticator proves it, then stored with ten recovery codes shown once.</summary>
public static class EnrolTwoFactor
{
    public sealed record Pending(string ProtectedKey, string Secret, string Uri);

    public static Pending Begin(string userName, FieldProtector protector)
    {
        var key = Totp.NewKey();
        return new Pending(protector.Protect(Convert.ToBase64String(key))!, Totp.Base32(key), Totp.OtpAuthUri("荣昌区智慧养老", userName, key));
    }

    /// <summary>The same pending key again (after a wrong code), or a fresh one when it cannot be read.</summary>
    public static Pending Resume(string? protectedKey, string userName, FieldProtector protector)
    {
        try
        {
            var key = Convert.FromBase64String(protector.Unprotect(protectedKey) ?? "");
            if (key.Length == 20) return new Pending(protectedKey!, Totp.Base32(key), Totp.OtpAuthUri("荣昌区智慧养老", userName, key));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
        }
        return Begin(userName, protector);
    }

    public static async Task<Outcome<IReadOnlyList<string>>> Confirm(Guid userId, string? protectedKey, string? code, AppDbContext db,
        FieldProtector protector, TimeProvider clock, AuditLog audit, string? address, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return Outcome<IReadOnlyList<string>>.NotFound("未找到该用户。");
        byte[] key;
        try
        {
            key = Convert.FromBase64String(protector.Unprotect(protectedKey) ?? "");
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return Outcome<IReadOnlyList<string>>.Invalid("code", "绑定已过期，请重新开始。");
        }
        if (Totp.Verify(key, code, clock.GetUtcNow(), null) is not { } step)
            return Outcome<IReadOnlyList<string>>.Invalid("code", "验证码不正确，请核对手机时间后重试。");
        var codes = RecoveryCodes.New();
        user.TotpKeyProtected = protector.Protect(Convert.ToBase64String(key));
        user.TotpLastStep = step;
        user.RecoveryCodeHashes = codes.Select(RecoveryCodes.Hash).ToList();
        user.TwoFactorEnabled = true;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new(user.Id, user.UserName, "user.two-factor-enrol", $"user/{user.UserName}", AuditOutcome.Success, address, null));
        return codes;
    }
}
