using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Reports;

/// <summary>The quarterly reports in scope (三、保障措施), filtered by quarter, unit and status; the district generates a quarter.</summary>
[Authorize(Policy = Roles.Policies.ReadReports)]
public sealed class ReportListModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(SupportsGet = true, Name = "quarter")] public string? Quarter { get; set; }
    [BindProperty(SupportsGet = true, Name = "unitCode")] public string? UnitCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty] public string? GenerateQuarter { get; set; }

    public Paged<ReportListItem> Reports { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);

    public bool CanGenerate => Roles.Allows(User, Roles.Policies.ApproveReports);

    public string LastEnded => ElderCare.Web.Features.Reports.Quarter.LastEnded(clock.Today()).Code;

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        if (!CanGenerate) return Forbid();
        var outcome = await GenerateReports.Handle(new GenerateReports.Input(GenerateQuarter), user, db, clock, ct);
        return Show(outcome, r => RedirectWithFlash($"/reports?quarter={r.Quarter}",
                $"{r.Quarter}：共 {r.Units} 个镇街，新建 {r.Created} 份，刷新草稿 {r.Refreshed} 份，已提交或锁定未动 {r.Unchanged} 份。"))
            ?? await AgainAsync(() => Load(ct));
    }

    private async Task Load(CancellationToken ct)
    {
        var query = new ListReports.Query { Quarter = Quarter, UnitCode = UnitCode, Status = Status, Page = Paging.PageNumber(Request),
            PageSize = PageRequest.DefaultPageSize };
        var outcome = await ListReports.Handle(query, user.Scope, db, ct);
        if (outcome.IsOk) Reports = outcome.Value!;
        else ModelState.AddFieldErrors(outcome.Errors!);
    }

    public Pager ListPager() => new(Reports.Page, Reports.PageCount, Reports.Total, UrlFor);

    private string UrlFor(int page) =>
        $"/reports?quarter={Uri.EscapeDataString(Quarter ?? "")}&unitCode={Uri.EscapeDataString(UnitCode ?? "")}" +
        $"&status={Uri.EscapeDataString(Status ?? "")}&page={page}";
}
