using System.Text.RegularExpressions;
using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Elders;

/// <summary>
/// The elder's phone as the search finds it (ADR 6): encrypted at rest, so found only whole, through a keyed blind index
/// of the number without spaces or hyphens ("023-4678 1234" and "02346781234" are one number).
/// </summary>
public static partial class ElderPhone
{
    /// <summary>The digits of a phone as typed, or null when it is not a mobile (11 digits, 1…) or a landline (0 + area code + number).</summary>
    public static string? Normalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = Separators().Replace(phone.Trim(), "");
        return Number().IsMatch(digits) ? digits : null;
    }

    /// <summary>The blind index of the phone, or null without one.</summary>
    public static string? Index(string? phone, FieldProtector protector) =>
        Normalize(phone) is { } digits ? protector.BlindIndex(digits) : null;

    /// <summary>
    /// Fills the index of elders whose phone has none (rows from before the index, or written by a seed): idempotent,
    /// in batches, the key being the app's (so not a SQL update). Returns how many rows were filled.
    /// </summary>
    public static async Task<int> BackfillAsync(AppDbContext db, FieldProtector protector, CancellationToken ct, int batch = 500)
    {
        var filled = 0;
        while (true)
        {
            // Every row read gets an index, so the next batch starts after it without a cursor.
            var rows = await db.Elders.Where(e => e.PhoneProtected != null && e.PhoneIndex == null).OrderBy(e => e.Id).Take(batch).ToListAsync(ct);
            if (rows.Count == 0) return filled;
            foreach (var e in rows)
            {
                // A phone that is not a number (an old free-text entry) gets an index of its text, so it is not read again.
                var plain = protector.Unprotect(e.PhoneProtected);
                e.PhoneIndex = Index(plain, protector) ?? protector.BlindIndex("?" + plain);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            filled += rows.Count;
        }
    }

    [GeneratedRegex(@"[\s\-]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{9,11})$")]
    private static partial Regex Number();
}
