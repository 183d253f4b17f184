namespace ElderCare.Web.Infrastructure.Auth;

/// <summary>
/// 等保 2.0 8.1.4.1 a (复杂度 + 定期更换), QUALITY.md S1: at least 12 characters from at least 3 of the 4 classes
/// (upper, lower, digit, symbol), at most 128, not a common password; privileged roles change it every 90 days.
/// ADR 5 records why this follows 等保 rather than OWASP ASVS 5 (which forbids composition rules and rotation).
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;
    public const int MinClasses = 3;
    public static readonly TimeSpan PrivilegedMaxAge = TimeSpan.FromDays(90);

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>The problems with a password, in Chinese; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string? password, string? userName = null)
    {
        var problems = new List<string>();
        password ??= "";
        if (password.Length < MinLength) problems.Add($"密码至少 {MinLength} 位。");
        if (password.Length > MaxLength) problems.Add($"密码不能超过 {MaxLength} 位。");
        if (Classes(password) < MinClasses) problems.Add("密码须包含大写字母、小写字母、数字、符号中的至少三类。");
        if (IsCommon(password)) problems.Add("该密码属于常见密码，容易被猜中，请换一个。");
        if (!string.IsNullOrEmpty(userName) && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
            problems.Add("密码不能包含用户名。");
        return problems;
    }

    public static int Classes(string password) =>
        (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsLower) ? 1 : 0) +
        (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);

    /// <summary>A common password, also when it only adds digits or symbols to one ("Password1234!").</summary>
    public static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        if (Common.Value.Contains(lower)) return true;
        var core = lower.TrimEnd("0123456789!@#$%^&*()_+-=.,?~ ".ToCharArray()).TrimStart("0123456789!@#$%^&*".ToCharArray());
        return core.Length >= 4 && Common.Value.Contains(core);
    }

    public static bool MustRotate(bool privileged, DateTime? changedAt, DateTime now) =>
        privileged && (changedAt is null || now - changedAt.Value > PrivilegedMaxAge);

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("ElderCare.Web.Data.Seed.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line);
        return set;
    }
}
