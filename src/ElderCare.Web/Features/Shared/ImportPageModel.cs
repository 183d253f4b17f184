using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Shared;

/// <summary>
/// The upload page of a spreadsheet import: the file goes to the import use case, and whatever stops the import shows
/// beside the file input. Posting the same file again (a refresh) changes nothing, so there is no redirect.
/// </summary>
public abstract class ImportPageModel<TResult> : PageModel where TResult : class
{
    public TResult? Result { get; private set; }

    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "请选择要导入的 .xlsx 文件。");
            return Page();
        }
        FileName = Path.GetFileName(file.FileName);
        await using var stream = file.OpenReadStream();
        var outcome = await ImportAsync(stream, ct);
        if (outcome.IsOk) Result = outcome.Value;
        else if (outcome.Kind == OutcomeKind.Invalid)
            foreach (var message in outcome.Errors!.Entries.SelectMany(e => e.Value)) ModelState.AddModelError("file", message);
        else ModelState.AddModelError("file", outcome.Message ?? "导入未完成，请重试。");
        return Page();
    }

    /// <summary>Runs the feature's import use case on the uploaded workbook.</summary>
    protected abstract Task<Outcome<TResult>> ImportAsync(Stream file, CancellationToken ct);
}
