using ElderCare.Web.Features.Access;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Plan;

/// <summary>The plan of Attachments 2 and 3 per street or town and facility type, with Excel export and import.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.ReadPlan)]
public sealed class PlanModel(AppDbContext db, CurrentUser user, SpreadsheetLimits limits) : OutcomePageModel
{
    public sealed record ImportError(string Where, string Column, string Message);

    public IReadOnlyList<RegionResource> Units { get; private set; } = [];
    public ILookup<string, PlanLine> LinesByUnit { get; private set; } = Enumerable.Empty<PlanLine>().ToLookup(l => l.UnitCode);
    public IReadOnlyList<PlanLine> Lines { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<PlanTotalCheck> Checks { get; private set; } = [];

    /// <summary>Every bad row of a failed import, as <c>ImportPlan</c> reports them ("{sheet}第N行:{column}").</summary>
    public IReadOnlyList<ImportError> ImportErrors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Import replaces the plan rows in the file, so it asks for a tick first (the export is the backup).</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, bool confirm, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.WritePlan)) return Forbid();
        if (file is null || file.Length == 0)
            ModelState.AddModelError("file", "请选择要导入的 .xlsx 文件。");
        if (!confirm)
            ModelState.AddModelError("confirm", "导入将覆盖文件中各镇街的现有规划，请勾选确认。");
        if (file is { Length: > 0 } && confirm)
        {
            await using var stream = file.OpenReadStream();
            var outcome = await ImportPlan.Handle(stream, db, limits, ct);
            if (outcome.IsOk)
            {
                var notAgreeing = outcome.Value!.Checks
                    .Where(c => c.Status != PlanTotalChecks.Agrees)
                    .SelectMany(c => c.Messages.Skip(1))
                    .ToList();
                return RedirectWithFlash("/plan", $"导入成功：读取 {outcome.Value.Rows} 行，更新 {outcome.Value.Lines} 条规划。"
                    + (notAgreeing.Count > 0 ? "与区级合计核对：" + string.Join("；", notAgreeing) + "。" : "各单位合计与区级合计一致。"));
            }
            var errors = outcome.Errors!.Entries.ToList();
            foreach (var message in errors.Where(e => e.Key == "file").SelectMany(e => e.Value))
                ModelState.AddModelError("file", message);
            ImportErrors = errors.Where(e => e.Key != "file")
                .SelectMany(e => e.Value.Select(m => Split(e.Key, m)))
                .ToList();
            if (ImportErrors.Count > 0)
                ModelState.AddModelError("file", $"文件中有 {ImportErrors.Count} 处错误，未做任何修改，请修改后重新导入。");
        }
        await LoadAsync(ct);
        return Page();
    }

    private static ImportError Split(string key, string message)
    {
        var colon = key.LastIndexOf(':');
        return colon < 0 ? new(key, "", message) : new(key[..colon], key[(colon + 1)..], message);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = (await ListRegions.Handle(null, user.Scope, db, ct)).Where(r => Region.IsUnit(r.Kind)).ToList();
        var plan = await GetPlan.Handle(user.Scope.RegionPrefix ?? "-", db, ct);
        Lines = plan.Lines;
        Checks = plan.Checks;
        LinesByUnit = Lines.ToLookup(l => l.UnitCode);
        Years = PlanSheets.All.SelectMany(s => PlanSheets.Years(s, Lines)).Distinct().Order().ToList();
    }

    public static int? CountIn(PlanLine line, int? year) =>
        line.Years.Where(y => y.Year == year).Sum(y => y.Count) is > 0 and var n ? n : null;

    public IEnumerable<FacilityType> TypesOf(RegionResource unit) =>
        LinesByUnit[unit.Code].Select(l => l.Type).Order();
}
