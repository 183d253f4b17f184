namespace ElderCare.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Formula neutralisation of exported text (OWASP "CSV injection"): a text cell that begins with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return is written with one leading apostrophe, so that a workbook re-saved as
/// CSV and opened again cannot turn it into a formula (<c>=HYPERLINK(…)</c>, <c>=cmd|…</c>, <c>@SUM(…)</c>). The xlsx
/// itself stores every such value as text already; the apostrophe is for the copy that leaves Excel.
/// <para>Imports undo it: <see cref="Restore"/> strips the one apostrophe that <see cref="Neutralise"/> added, so an
/// export imported again gives back the stored value. A value that itself begins with apostrophes before a trigger
/// (<c>'=x</c>) gets one more on export, so <c>Restore(Neutralise(v)) == v</c> for every text.</para>
/// </summary>
public static class SpreadsheetText
{
    /// <summary>The characters a spreadsheet may read as the start of a formula (OWASP: = + - @ tab CR).</summary>
    public static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>True when the text would start a formula, or would lose an apostrophe on <see cref="Restore"/>.</summary>
    public static bool NeedsPrefix(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] == '\'') i++;
        return i < text.Length && IsTrigger(text[i]);
    }

    /// <summary>The text as exported: one apostrophe before a formula trigger (or before apostrophes that precede one).</summary>
    public static string Neutralise(string text) => NeedsPrefix(text) ? "'" + text : text;

    /// <summary>Any value as exported: text is neutralised, numbers, dates and the rest are left as they are.</summary>
    public static object? Neutralise(object? value) => value is string s ? Neutralise(s) : value;

    /// <summary>The text as imported: the apostrophe <see cref="Neutralise"/> added is removed, once.</summary>
    public static string Restore(string text) => text.Length > 1 && text[0] == '\'' && NeedsPrefix(text[1..]) ? text[1..] : text;
}
