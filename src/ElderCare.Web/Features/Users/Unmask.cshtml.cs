using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Users;

/// <summary>
/// QUALITY.md S6: the full mobile number of a user, for someone with the unmask permission (granted, and signed in
/// with two-factor) who gives a reason; the reason goes to the audit log and the number is shown once, never cached.
/// </summary>
[Authorize(Policy = Roles.Policies.ManageUsers)]
public sealed class UserUnmaskModel(AppDbContext db, FieldProtector protector, AuditLog audit, CurrentUser current) : PageModel
{
    [BindProperty(Name = "reason")] public string? Reason { get; set; }

    public AppUser? Target { get; private set; }
    public string? MaskedMobile => Masking.Phone(protector.Unprotect(Target?.MobileProtected));

    /// <summary>Why the number cannot be shown to this user, or null when it can.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Set after a successful unmasking; the number itself may be null (none registered).</summary>
    public UnmaskUserMobile.Unmasked? Unmasked { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFoundPage();
        if (!current.CanUnmask) return Refuse("您没有查看完整个人信息的权限。");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFoundPage();
        var outcome = await UnmaskUserMobile.Handle(id, new UnmaskUserMobile.Input(Reason), db, protector, audit, current, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Unmasked = outcome.Value;
                Response.Headers.CacheControl = "no-cache, no-store";
                Response.Headers.Pragma = "no-cache";
                return Page();
            case OutcomeKind.Forbidden:
                return Refuse(outcome.Message!);
            case OutcomeKind.NotFound:
                return NotFoundPage();
            default:
                ModelState.AddFieldErrors(outcome.Errors!);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct) =>
        (Target = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct)) is not null;

    private PageResult Refuse(string message)
    {
        Refusal = message;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private PageResult NotFoundPage()
    {
        Target = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
