using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ElderCare.Web.Features.Elders;

/// <summary>
/// The outcome of reading a 公民身份号码: either the normalised 18-character number with what it encodes, or a
/// Chinese message saying what is wrong. <see cref="BirthDate"/> and <see cref="Sex"/> are meaningful only when valid.
/// </summary>
public sealed record IdNumberResult
{
    /// <summary>18 characters, the last one a digit or upper-case 'X'; a 15-digit legacy number comes back upgraded.</summary>
    public string? Number { get; private init; }

    public DateOnly BirthDate { get; private init; }
    public Sex Sex { get; private init; }
    public bool IsMale => Sex == Sex.Male;

    /// <summary>The 6-digit administrative division code (GB/T 2260) the number was issued under, e.g. 500153 or the old 500226.</summary>
    public string? AddressCode { get; private init; }

    /// <summary>True when the input was a 15-digit legacy number.</summary>
    public bool Upgraded { get; private init; }

    public string? Error { get; private init; }

    [MemberNotNullWhen(true, nameof(Number), nameof(AddressCode))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    internal static IdNumberResult Valid(string number, DateOnly birth, Sex sex, bool upgraded) =>
        new() { Number = number, BirthDate = birth, Sex = sex, AddressCode = number[..6], Upgraded = upgraded };

    internal static IdNumberResult Invalid(string error) => new() { Error = error };
}

/// <summary>
/// GB 11643-1999 公民身份号码 (STANDARDS.md §4): 6-digit address code + birth date YYYYMMDD + 3-digit sequence (odd = male)
/// + ISO 7064 MOD 11-2 check character. Pure; "today" comes from the caller's clock.
/// </summary>
public static class IdNumber
{
    public const int Length = 18;
    public const int LegacyLength = 15;

    /// <summary>§4: a birth date before 1800 is not a real elder ("≥ 1800 in practice").</summary>
    public const int MinBirthYear = 1800;

    // §4: Wᵢ = 2^(17−i) mod 11.
    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    // §4: S mod 11 = 0…10 → 1 0 X 9 8 7 6 5 4 3 2.
    private const string CheckCharacters = "10X98765432";

    /// <summary>Reads an ID number typed by a person: surrounding spaces are ignored, a lower-case 'x' is accepted and stored as 'X'.</summary>
    public static IdNumberResult Parse(string? text, DateOnly today)
    {
        var s = text?.Trim() ?? "";
        if (s.Length == 0) return IdNumberResult.Invalid("请填写身份证号码。");
        var upgraded = false;
        if (s.Length == LegacyLength)
        {
            if (!AllDigits(s)) return IdNumberResult.Invalid("15 位旧身份证号码应全部为数字。");
            // §4: legacy numbers carry YYMMDD; insert "19" after the address code and append the computed check digit.
            var first17 = string.Concat(s.AsSpan(0, 6), "19", s.AsSpan(6));
            s = first17 + CheckDigit(first17);
            upgraded = true;
        }
        else if (s.Length != Length)
            return IdNumberResult.Invalid($"身份证号码应为 18 位（旧号码为 15 位），现为 {s.Length} 位。");
        else if (!AllDigits(s.AsSpan(0, 17)) || !(char.IsAsciiDigit(s[17]) || s[17] is 'X' or 'x'))
            return IdNumberResult.Invalid("身份证号码前 17 位应为数字，最后一位应为数字或 X。");

        var year = Number(s, 6, 4);
        var month = Number(s, 10, 2);
        var day = Number(s, 12, 2);
        if (year < MinBirthYear)
            return IdNumberResult.Invalid($"身份证号码中的出生年份 {year} 早于 {MinBirthYear} 年，不是有效的出生日期。");
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return IdNumberResult.Invalid($"身份证号码中的出生日期 {s.Substring(6, 4)}-{s.Substring(10, 2)}-{s.Substring(12, 2)} 不存在。");
        var birth = new DateOnly(year, month, day);
        if (birth > today)
            return IdNumberResult.Invalid($"身份证号码中的出生日期 {Iso(birth)} 晚于今天（{Iso(today)}）。");

        var expected = CheckDigit(s.AsSpan(0, 17));
        var actual = char.ToUpperInvariant(s[17]);
        if (actual != expected)
            return IdNumberResult.Invalid($"身份证号码校验位不符：按前 17 位计算，最后一位应为 {expected}，请核对号码。");

        var number = actual == s[17] ? s : string.Concat(s.AsSpan(0, 17), "X");
        var sex = (s[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        return IdNumberResult.Valid(number, birth, sex, upgraded);
    }

    /// <summary>S = Σ aᵢ·Wᵢ over the first 17 digits (§4).</summary>
    public static int WeightedSum(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("需要身份证号码的前 17 位。", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var digit = first17[i] - '0';
            if ((uint)digit > 9) throw new ArgumentException("身份证号码前 17 位应为数字。", nameof(first17));
            sum += digit * Weights[i];
        }
        return sum;
    }

    /// <summary>The ISO 7064 MOD 11-2 check character ('0'–'9' or 'X') for the first 17 digits.</summary>
    public static char CheckDigit(ReadOnlySpan<char> first17) => CheckCharacters[WeightedSum(first17) % 11];

    /// <summary>
    /// 周岁: whole years completed on <paramref name="on"/>; "≥ 60 周岁" is met on the 60th birthday.
    /// Someone born on 29 February reaches the next year of age on 1 March in a non-leap year (STANDARDS.md §4 leaves
    /// Feb 28 or Mar 1 as a policy choice [U]; we take Mar 1 because the birthday has not happened until Feb 28 has passed).
    /// </summary>
    public static int Age(DateOnly birth, DateOnly on)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(on, birth);
        var age = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day)) age--;
        return age;
    }

    public static string NameOf(Sex sex) => sex == Sex.Male ? "男" : "女";

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static int Number(string s, int start, int length) => int.Parse(s.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
