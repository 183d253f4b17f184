using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Map;

/// <summary>Unit boundaries (养老服务地图): upload a GeoJSON of streets, towns, communities or villages; the stored ones listed.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.WriteRegions)]
[RequestSizeLimit(ImportBoundaries.MaxFileBytes + 65_536)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportBoundaries.MaxFileBytes + 65_536)]
public sealed class BoundariesModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public ImportBoundaries.Result? Result { get; private set; }
    public string? FileName { get; private set; }
    public IReadOnlyList<BoundaryRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await ListBoundaries.Handle(user.Scope, db, ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) ModelState.AddModelError("file", "请选择要上传的 GeoJSON 文件。");
        else
        {
            FileName = Path.GetFileName(file.FileName);
            await using var stream = file.OpenReadStream();
            var outcome = await ImportBoundaries.Handle(stream, user.Scope, user.UserName ?? "", db, clock, ct);
            if (outcome.IsOk) Result = outcome.Value;
            else if (outcome.Kind == OutcomeKind.Invalid)
                foreach (var message in outcome.Errors!.Entries.SelectMany(e => e.Value)) ModelState.AddModelError("file", message);
            else ModelState.AddModelError("file", outcome.Message ?? "上传未完成，请重试。");
        }
        Rows = await ListBoundaries.Handle(user.Scope, db, ct);
        return Page();
    }
}
