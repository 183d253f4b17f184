using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Elders;

[Authorize(Policy = Roles.Policies.WriteElders)]
public sealed class ElderEditModel(AppDbContext db, CurrentUser user, ElderOptions options, TimeProvider clock, FieldProtector protector)
    : ElderFormModel(db, user, options, clock)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    private string? _masked;

    public override string? MaskedIdNumber => _masked;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await GetElder.Handle(Id, Current.Scope, Db, protector, Clock, ct);
        if (!outcome.IsOk) return Missing(outcome.Message);
        Form = ElderForm.From(outcome.Value!);
        _masked = outcome.Value!.IdNumber;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var stored = await GetElderPersonalData.Handle(Id, Current.Scope, Db, protector, ct);
        if (stored is null) return Missing("未找到该老年人。");
        _masked = Masking.IdNumber(stored.IdNumber);

        if (await ReadFormAsync(input => Complete(input, stored), ct) is { } input)
        {
            // A conflict: someone saved first, or the corrected ID number is registered already.
            var outcome = await UpdateElder.Handle(Id, input, Current, Db, protector, Options, Clock, ct);
            if (Show(outcome, e => Saved($"已保存“{e.Name}”的修改。")) is { } shown) return shown;
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    private RedirectResult Saved(string flash)
    {
        return RedirectWithFlash($"/elders/{Id}", flash);
    }

    /// <summary>
    /// UpdateElder replaces the record: a blank ID number means "keep it", and a phone sent back as shown (masked)
    /// means the stored one.
    /// </summary>
    private static ElderInput Complete(ElderInput input, GetElderPersonalData.PersonalData stored)
    {
        var phones = stored.ContactPhones.Append(stored.Phone).ToList();
        return input with
        {
            IdNumber = FormValues.Trimmed(input.IdNumber) ?? stored.IdNumber,
            Phone = GetElderPersonalData.Unmasked(input.Phone, [stored.Phone], Masking.Phone),
            EmergencyContacts = input.EmergencyContacts?
                .Select(c => c with { Phone = GetElderPersonalData.Unmasked(c.Phone, phones, Masking.Phone) }).ToList(),
        };
    }
}
