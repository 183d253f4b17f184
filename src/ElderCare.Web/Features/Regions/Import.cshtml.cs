using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Regions;

/// <summary>Import of communities and villages from the 统计用区划代码 list: all rows or none.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.WriteRegions)]
[RequestSizeLimit(ImportRegions.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportRegions.MaxFileBytes)]
public sealed class RegionImportModel(AppDbContext db, CurrentUser user, AuditLog audit, SpreadsheetLimits limits, TimeProvider clock) : PageModel
{
    public ImportRegions.Result? Result { get; private set; }

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
        var outcome = await ImportRegions.Handle(stream, limits, ImportRegions.Importer.Of(user, User), db, audit, clock, ct);
        if (outcome.IsOk) Result = outcome.Value;
        else if (outcome.Kind == OutcomeKind.Invalid)
            foreach (var message in outcome.Errors!.Entries.SelectMany(e => e.Value)) ModelState.AddModelError("file", message);
        else ModelState.AddModelError("file", outcome.Message ?? "导入未完成，请重试。");
        return Page();
    }

    public static string Words(ImportRegions.RowOutcome outcome) => outcome switch
    {
        ImportRegions.RowOutcome.Imported => "新增",
        ImportRegions.RowOutcome.Renamed => "改名",
        ImportRegions.RowOutcome.Corrected => "更正代码",
        ImportRegions.RowOutcome.Unchanged => "未变化",
        _ => "有错误",
    };
}
