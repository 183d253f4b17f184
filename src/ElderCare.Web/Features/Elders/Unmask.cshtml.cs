using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Elders;

/// <summary>
/// QUALITY.md S6: an elder's full ID number or phone, for someone with the unmask permission (granted, and signed in
/// with two-factor) who gives a reason; UnmaskElder writes the reason to the audit log, and the value is shown once.
/// The permission is checked before the elder is looked up, so without it nothing is learnt, not even existence.
/// </summary>
[Authorize(Policy = Roles.Policies.ReadElders)]
public sealed class ElderUnmaskModel(AppDbContext db, FieldProtector protector, AuditLog audit, TimeProvider clock,
    CurrentUser current) : UnmaskPageModel
{
    [BindProperty(SupportsGet = true, Name = "field")] public string? Field { get; set; }
    [BindProperty(Name = "reason")] public string? Reason { get; set; }

    public Guid Id { get; private set; }
    public ElderResource? Elder { get; private set; }
    public UnmaskElder.Unmasked? Unmasked { get; private set; }

    public string FieldName(string? field) => field == "phone" ? "电话" : "身份证号码";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        if (!current.CanUnmask) return Refuse(Masking.NoPermission);
        if (!await LoadAsync(id, ct)) return Missing("未找到该老年人。");
        Field = Field == "phone" ? "phone" : "idNumber";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var outcome = await UnmaskElder.Handle(id, new UnmaskElder.Input(Field, Reason), current, db, protector, audit, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Forbidden:
                return Refuse(outcome.Message!);
            case OutcomeKind.NotFound:
                return Missing("未找到该老年人。");
        }
        if (!await LoadAsync(id, ct)) return Missing("未找到该老年人。");
        if (!outcome.IsOk)
        {
            ModelState.AddFieldErrors(outcome.Errors!);
            return Page();
        }
        Unmasked = outcome.Value;
        return ShowOnce();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct) =>
        (Elder = (await GetElder.Handle(id, current.Scope, db, protector, clock, ct)).Value) is not null;
}
