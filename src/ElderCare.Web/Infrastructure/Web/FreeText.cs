using System.Globalization;
using System.Text;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Infrastructure.Web;

/// <summary>
/// The one rule for text people type (ADR 20). A value is normalised — Unicode NFC, trimmed, and in multi-line
/// fields CRLF and CR become LF — and refused if it holds a character nobody can see or that changes how the text
/// around it reads: control characters (C0 except LF and TAB in multi-line fields, DEL, C1), format characters
/// (Unicode Cf: bidirectional overrides and isolates U+202A–202E / U+2066–2069, zero-width U+200B–200F, U+FEFF …),
/// the line and paragraph separators U+2028 / U+2029, and lone surrogates. Lengths are counted in code points
/// (what PostgreSQL's varchar(n) counts), after normalisation, and never exceed the column.
/// </summary>
public static class FreeText
{
    // Caps per kind of field; each is at most the EF column length of the fields that use it.
    public const int PersonName = 50;
    public const int Name = 100;
    public const int LongName = 200;
    public const int Address = 300;
    public const int Short = 20;
    public const int Reason = 300;
    public const int Note = 500;
    public const int LongText = 1000;

    public enum Problem { None, Invisible, TooLong }

    /// <summary>The cleaned value (null stays null, blank becomes empty), or the problem that refuses it and the offending code point.</summary>
    public readonly record struct Cleaned(string? Value, Problem Problem, int CodePoint = 0);

    public static Cleaned Clean(string? value, int maxLength, bool multiLine = false)
    {
        if (value is null) return new(null, Problem.None);
        for (var i = 0; i < value.Length; i++)
        {
            // A lone surrogate cannot be normalised; report it before string.Normalize would throw.
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(value[i])) return new(null, Problem.Invisible, value[i]);
        }
        var text = value.Normalize(NormalizationForm.FormC);
        if (multiLine) text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        text = text.Trim();
        foreach (var rune in text.EnumerateRunes())
            if (IsRefused(rune, multiLine)) return new(null, Problem.Invisible, rune.Value);
        return CodePoints(text) > maxLength ? new(text, Problem.TooLong) : new(text, Problem.None);
    }

    public static bool IsRefused(Rune rune, bool multiLine) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control => !(multiLine && rune.Value is '\n' or '\t'),
        UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate => true,
        _ => false,
    };

    public static int CodePoints(string text)
    {
        var n = 0;
        foreach (var _ in text.EnumerateRunes()) n++;
        return n;
    }

    /// <summary>
    /// Cleans <paramref name="value"/> by the rule and returns it; a refused value adds a Chinese message under
    /// <paramref name="field"/> naming <paramref name="label"/>, and is returned unchanged.
    /// </summary>
    public static string? Text(this FieldErrors errors, string? value, string field, string label, int maxLength, bool multiLine = false)
    {
        var cleaned = Clean(value, maxLength, multiLine);
        switch (cleaned.Problem)
        {
            case Problem.Invisible:
                errors.Add(field, $"{label}含有不可见或控制字符（U+{cleaned.CodePoint:X4}），请删除后重新填写。");
                return value;
            case Problem.TooLong:
                errors.Add(field, $"{label}不能超过 {maxLength} 个字符。");
                return value;
            default:
                return cleaned.Value;
        }
    }

    /// <summary>Cleans every item of a list of short texts; an item's error is reported under <c>field[i]</c>.</summary>
    public static List<string>? Texts(this FieldErrors errors, List<string>? values, string field, string label, int maxLength) =>
        values?.Select((v, i) => errors.Text(v, $"{field}[{i}]", label, maxLength) ?? "").ToList();
}
