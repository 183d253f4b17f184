using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Shared;

/// <summary>
/// The page-side counterpart of <see cref="ApiResults"/>: a use case's <see cref="Outcome{T}"/> becomes the same
/// status on a page as in the API — not found (also out of scope) is 404 with the not-found panel, a conflict is 409
/// with the form kept, invalid input is field errors beside the form, forbidden is 403.
/// </summary>
public abstract class OutcomePageModel : PageModel
{
    /// <summary>Set when the record is missing or outside the user's scope: the page shows only the not-found panel.</summary>
    public string? NotFoundMessage { get; private set; }

    /// <summary>Set when someone else saved first (409): the form keeps what was typed.</summary>
    public string? ConflictMessage { get; private set; }

    /// <summary>The not-found panel with a 404 status.</summary>
    protected PageResult Missing(string? message = null)
    {
        NotFoundMessage = message ?? "未找到该记录，或不在您的管辖范围内。";
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>A message shown once on the next page (the layout's flash), and there.</summary>
    protected RedirectResult RedirectWithFlash(string url, string message)
    {
        TempData["Flash"] = message;
        return Redirect(url);
    }

    /// <summary>
    /// The page again after a refused write (a conflict, field errors): <paramref name="reload"/> reads what it shows
    /// afresh, and the status the refusal set stays even when the reload finds the record gone.
    /// </summary>
    protected async Task<IActionResult> AgainAsync(Func<Task> reload)
    {
        var status = Response.StatusCode;
        await reload();
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>
    /// Ok runs <paramref name="ok"/>; not found shows the panel (404); forbidden answers 403. A conflict (409) or
    /// invalid input (field errors) returns <c>null</c>: the caller reloads its choices and shows the form again.
    /// </summary>
    protected IActionResult? Show<T>(Outcome<T> outcome, Func<T, IActionResult> ok, string? notFound = null)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return ok(outcome.Value!);
            case OutcomeKind.NotFound:
                return Missing(notFound ?? outcome.Message);
            case OutcomeKind.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case OutcomeKind.Conflict:
                ConflictMessage = outcome.Message ?? "数据已被他人修改，请刷新后重试。";
                Response.StatusCode = StatusCodes.Status409Conflict;
                return null;
            default:
                ModelState.AddFieldErrors(outcome.Errors!);
                return null;
        }
    }
}
