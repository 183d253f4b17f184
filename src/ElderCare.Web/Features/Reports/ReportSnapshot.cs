using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ElderCare.Web.Features.Reports;

/// <summary>What a submitted report says: the unit, the quarter, the form's year, the values and the town's narrative.</summary>
public sealed record SnapshotContent(string UnitCode, string Quarter, int FormYear, string Narrative,
    IReadOnlyDictionary<string, IndicatorValue> Values);

/// <summary>A value that differs between the submitted snapshot and the records now (changed since submitted).</summary>
public sealed record ValueChange(string Code, IndicatorValue? Submitted, IndicatorValue? Now);

/// <summary>
/// The canonical JSON of a report's snapshot and its SHA-256 (三、保障措施: nothing reported may change silently): keys in
/// ordinal order at every level, no white space, numbers in invariant form without trailing zeros, nulls left out, UTF-8.
/// The same content always gives the same bytes, so the hash recorded at lock time can be recomputed and compared.
/// </summary>
public static class ReportSnapshot
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string Canonical(SnapshotContent c)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Writer))
        {
            w.WriteStartObject();
            w.WriteNumber("formYear", c.FormYear);
            w.WriteString("narrative", c.Narrative);
            w.WriteString("quarter", c.Quarter);
            w.WriteString("unitCode", c.UnitCode);
            w.WriteStartObject("values");
            foreach (var (code, v) in c.Values.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject(code);
                if (v.Denominator is { } d) w.WriteNumber("d", d);
                if (v.Numerator is { } n) w.WriteNumber("n", n);
                if (v.Value is { } x)
                {
                    w.WritePropertyName("v");
                    w.WriteRawValue(Number(x));
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A decimal in its shortest invariant form (1.5000 → 1.5, 2.0 → 2).</summary>
    private static string Number(decimal x) => x.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>Lower-case hex SHA-256 of the canonical JSON's UTF-8 bytes.</summary>
    public static string Hash(string canonicalJson) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    public static SnapshotContent Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var values = new SortedDictionary<string, IndicatorValue>(StringComparer.Ordinal);
        foreach (var p in root.GetProperty("values").EnumerateObject())
            values[p.Name] = new IndicatorValue(
                p.Value.TryGetProperty("v", out var v) ? v.GetDecimal() : null,
                p.Value.TryGetProperty("n", out var n) ? n.GetInt64() : null,
                p.Value.TryGetProperty("d", out var d) ? d.GetInt64() : null);
        return new SnapshotContent(root.GetProperty("unitCode").GetString()!, root.GetProperty("quarter").GetString()!,
            root.GetProperty("formYear").GetInt32(), root.GetProperty("narrative").GetString()!, values);
    }

    /// <summary>The codes whose value, numerator or denominator differ, in ordinal order.</summary>
    public static IReadOnlyList<ValueChange> Differences(IReadOnlyDictionary<string, IndicatorValue> submitted,
        IReadOnlyDictionary<string, IndicatorValue> now) =>
        submitted.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Select(code => new ValueChange(code, submitted.GetValueOrDefault(code), now.GetValueOrDefault(code)))
            .Where(c => c.Submitted != c.Now)
            .ToList();
}
