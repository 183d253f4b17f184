using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Map;

/// <summary>候选楼宇: the buildings the district lists for site suggestions, and their import from a spreadsheet.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.WriteRegions)]
[RequestSizeLimit(ImportCandidateSites.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportCandidateSites.MaxFileBytes)]
public sealed class CandidateSitesModel(AppDbContext db, CurrentUser user, SpreadsheetLimits limits, TimeProvider clock) : PageModel
{
    public ImportCandidateSites.Result? Result { get; private set; }
    public IReadOnlyList<CandidateSiteRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await ListCandidateSites.Handle(user.Scope, db, ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) ModelState.AddModelError("file", "请选择要导入的 .xlsx 文件。");
        else
        {
            await using var stream = file.OpenReadStream();
            var outcome = await ImportCandidateSites.Handle(stream, limits, user.Scope, db, clock, ct);
            if (outcome.IsOk) Result = outcome.Value;
            else if (outcome.Kind == OutcomeKind.Invalid)
                foreach (var message in outcome.Errors!.Entries.SelectMany(e => e.Value)) ModelState.AddModelError("file", message);
            else ModelState.AddModelError("file", outcome.Message ?? "导入未完成，请重试。");
        }
        Rows = await ListCandidateSites.Handle(user.Scope, db, ct);
        return Page();
    }
}
