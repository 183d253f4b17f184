using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Facilities;

/// <summary>Bulk facility import: the form posts the file here and the answer shows what became of each row.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.WriteFacilities)]
[RequestSizeLimit(ImportFacilities.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportFacilities.MaxFileBytes)]
public sealed class FacilityImportModel(AppDbContext db, CurrentUser user, SpreadsheetLimits limits, TimeProvider clock) : PageModel
{
    public ImportFacilities.Result? Result { get; private set; }

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
        var outcome = await ImportFacilities.Handle(stream, limits, user.Scope, db, clock, ct);
        if (outcome.IsOk) Result = outcome.Value;
        else if (outcome.Kind == OutcomeKind.Invalid)
            foreach (var message in outcome.Errors!.Entries.SelectMany(e => e.Value)) ModelState.AddModelError("file", message);
        else ModelState.AddModelError("file", outcome.Message ?? "导入未完成，请重试。");
        return Page();
    }

    public static string Words(ImportFacilities.RowOutcome outcome) => outcome switch
    {
        ImportFacilities.RowOutcome.Imported => "新增",
        ImportFacilities.RowOutcome.Updated => "更新",
        ImportFacilities.RowOutcome.Unchanged => "未变化",
        _ => "有错误",
    };
}
