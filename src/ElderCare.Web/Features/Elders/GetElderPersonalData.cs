using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Elders;

/// <summary>
/// The stored ID number and phones of an elder, for the edit page only. UpdateElder replaces the whole record, while
/// the form shows these values masked; what comes back still masked is sent on as stored. Never rendered, so this is
/// not an unmasking (UnmaskElder is, and is audited).
/// </summary>
public static class GetElderPersonalData
{
    public sealed record PersonalData(string IdNumber, string? Phone, IReadOnlyList<string?> ContactPhones);

    public static async Task<PersonalData?> Handle(Guid id, DataScope scope, AppDbContext db, FieldProtector protector, CancellationToken ct)
    {
        var elder = await db.Elders.AsNoTracking().InScope(scope, db).FirstOrDefaultAsync(e => e.Id == id, ct);
        return elder is null
            ? null
            : new PersonalData(protector.Unprotect(elder.IdNumberProtected)!, protector.Unprotect(elder.PhoneProtected),
                elder.EmergencyContacts.Select(c => protector.Unprotect(c.PhoneProtected)).ToList());
    }

    /// <summary>
    /// What the user meant by a value: the stored one when the form sent back its mask unchanged (e.g. 138****1234),
    /// else what was typed.
    /// </summary>
    public static string? Unmasked(string? typed, IEnumerable<string?> stored, Func<string?, string?> mask)
    {
        var t = typed?.Trim();
        if (string.IsNullOrEmpty(t) || !t.Contains('*', StringComparison.Ordinal)) return typed;
        var matches = stored.Where(s => s is not null && mask(s) == t).Distinct().ToList();
        return matches.Count == 1 ? matches[0] : typed;
    }
}
