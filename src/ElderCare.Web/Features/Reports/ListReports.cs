using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Reports;

/// <summary>Reports in scope, filtered by quarter, unit and status, newest quarter first, then by unit code.</summary>
public static class ListReports
{
    public sealed record Query
    {
        public string? Quarter { get; init; }
        public string? UnitCode { get; init; }
        public string? Status { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static async Task<Outcome<Paged<ReportListItem>>> Handle(Query query, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        var quarter = Reports.Quarter.Parse(query.Quarter, "quarter", errors, required: false);
        ReportStatus? status = null;
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (EnumText.TryParse<ReportStatus>(query.Status, out var s)) status = s;
            else errors.Add("status", "状态须为 draft（草稿）、submitted（已提交）或 approved（已审定）。");
        }
        if (errors.Any) return Outcome<Paged<ReportListItem>>.Invalid(errors);
        var reports = db.QuarterlyReports.AsNoTracking().InScope(scope);
        if (quarter is { } q) reports = reports.Where(r => r.Year == q.Year && r.QuarterNumber == q.Number);
        if (!string.IsNullOrWhiteSpace(query.UnitCode)) reports = reports.Where(r => r.UnitCode == query.UnitCode.Trim());
        if (status is { } st) reports = reports.Where(r => r.Status == st);
        var total = await reports.CountAsync(ct);
        var rows = await reports.OrderByDescending(r => r.Year).ThenByDescending(r => r.QuarterNumber).ThenBy(r => r.UnitCode)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(r => new { r.Id, r.UnitCode, r.UnitName, r.UnitKind, r.Year, r.QuarterNumber, r.Status, r.ReturnReason, r.SubmittedAt,
                r.ApprovedAt })
            .ToListAsync(ct);
        var items = rows.Select(r =>
        {
            var q = new Quarter(r.Year, r.QuarterNumber);
            return new ReportListItem(r.Id, r.UnitCode, r.UnitName, r.UnitKind, q.Code, q.Label, r.Status,
                r.Status == ReportStatus.Draft ? r.ReturnReason : null, r.SubmittedAt, r.ApprovedAt, r.Status == ReportStatus.Approved);
        }).ToList();
        return new Paged<ReportListItem>(items, paging.Page, paging.PageSize, total);
    }
}
