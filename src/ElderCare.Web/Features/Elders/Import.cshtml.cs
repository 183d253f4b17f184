using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace ElderCare.Web.Features.Elders;

/// <summary>
/// Bulk import of a town's list: the form posts the file to this page (wwwroot/js/import.js adds upload
/// progress); the results, the first errors and the link to the error sheet are shown on the answer. Posting the same
/// file again (a refresh) changes nothing, so there is no redirect after the post.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.WriteElders)]
[RequestSizeLimit(ImportElders.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportElders.MaxFileBytes)]
public sealed class ElderImportModel(AppDbContext db, CurrentUser user, FieldProtector protector, ElderOptions options, TimeProvider clock,
    IMemoryCache errorSheets, SpreadsheetLimits limits) : PageModel
{
    public ImportElders.Result? Result { get; private set; }

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
        var outcome = await ImportElders.Handle(stream, ImportElders.Importer.Of(user), db, protector, options, limits, clock, errorSheets, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Result = outcome.Value;
                break;
            case OutcomeKind.Invalid:
                foreach (var message in outcome.Errors!.Entries.SelectMany(e => e.Value)) ModelState.AddModelError("file", message);
                break;
            default:
                ModelState.AddModelError("file", outcome.Message ?? "导入未完成，请重试。");
                break;
        }
        return Page();
    }
}
