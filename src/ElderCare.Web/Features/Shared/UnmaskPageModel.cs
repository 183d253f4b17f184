using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Shared;

/// <summary>
/// QUALITY.md S6 pages that show one personal value in full: without the permission the page refuses (403) and says
/// why; a value shown is shown once and never cached.
/// </summary>
public abstract class UnmaskPageModel : OutcomePageModel
{
    /// <summary>Why the value cannot be shown to this user, or null when it can.</summary>
    public string? Refusal { get; private set; }

    protected PageResult Refuse(string message)
    {
        Refusal = message;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    /// <summary>The page with the full value: no cache may keep it.</summary>
    protected PageResult ShowOnce()
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        Response.Headers.Pragma = "no-cache";
        return Page();
    }
}
