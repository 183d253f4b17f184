using ElderCare.Web.Features.Access;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Facilities;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.WriteFacilities)]
public sealed class FacilityEditModel(AppDbContext db, TimeProvider clock, CurrentUser user) : FacilityFormModel(db, user)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public override Guid? EditingId => Id;

    public string? NotFoundMessage { get; private set; }

    /// <summary>Set when someone else saved first (409): the form keeps what was typed.</summary>
    public string? ConflictMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await GetFacility.Handle(Id, Scope, Db, ct);
        if (!outcome.IsOk) return Missing(outcome.Message);
        Form = FacilityForm.From(outcome.Value!);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await ReadFormAsync(ct) is { } input)
        {
            var outcome = await UpdateFacility.Handle(Id, input, Scope, Db, clock, ct);
            switch (outcome.Kind)
            {
                case OutcomeKind.Ok:
                    TempData["Flash"] = $"已保存“{outcome.Value!.Name}”的修改。";
                    return Redirect($"/facilities/{Id}");
                case OutcomeKind.NotFound:
                    return Missing(outcome.Message);
                case OutcomeKind.Conflict:
                    ConflictMessage = outcome.Message;
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    break;
                default:
                    ModelState.AddFieldErrors(outcome.Errors!);
                    break;
            }
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    private PageResult Missing(string? message)
    {
        NotFoundMessage = message ?? "未找到该设施。";
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
