using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Users;

/// <summary>
/// QUALITY.md S6: the full mobile number of a user, for someone with the unmask permission (granted, and signed in
/// with two-factor) who gives a reason; the reason goes to the audit log and the number is shown once, never cached.
/// </summary>
[Authorize(Policy = Roles.Policies.ManageUsers)]
public sealed class UserUnmaskModel(AppDbContext db, FieldProtector protector, AuditLog audit, CurrentUser current) : UnmaskPageModel
{
    [BindProperty(Name = "reason")] public string? Reason { get; set; }

    public UserResource? Target { get; private set; }
    public string? MaskedMobile => Target?.Mobile;

    /// <summary>Set after a successful unmasking; the number itself may be null (none registered).</summary>
    public UnmaskUserMobile.Unmasked? Unmasked { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var target = await GetUser.Handle(id, db, protector, ct);
        if (!target.IsOk) return Missing(target.Message);
        Target = target.Value;
        return current.CanUnmask ? Page() : Refuse("您没有查看完整个人信息的权限。");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var target = await GetUser.Handle(id, db, protector, ct);
        if (!target.IsOk) return Missing(target.Message);
        Target = target.Value;
        var outcome = await UnmaskUserMobile.Handle(id, new UnmaskUserMobile.Input(Reason), db, protector, audit, current, ct);
        if (outcome.Kind == OutcomeKind.Forbidden) return Refuse(outcome.Message!);
        return Show(outcome, shown =>
        {
            Unmasked = shown;
            return ShowOnce();
        }, target.Message) ?? Page();
    }
}
