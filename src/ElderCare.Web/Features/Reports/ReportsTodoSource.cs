using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Todo;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Reports;

/// <summary>
/// The reports' share of the to-do centre (三(一) 履职照单免责、失职照单问责): a town officer's drafts of quarters that have
/// ended (new or returned with a reason), due by the end of the month after the quarter; the district's submitted reports
/// to approve.
/// </summary>
public sealed class ReportsTodoSource : QueryTodoSource<QuarterlyReport>
{
    public const string Kind = "季报";

    /// <summary>A report is due one month after its quarter ends (the platform's working rule; the policy says only 每季度).</summary>
    public static DateOnly DueOn(DateOnly quarterEnd) => quarterEnd.AddDays(1).AddMonths(1).AddDays(-1);

    protected override async Task<IReadOnlyList<TodoItem>> ItemsAsync(IQueryable<QuarterlyReport> pending, AppDbContext db, DateTime now, int take,
        CancellationToken ct)
    {
        var rows = await pending.OrderBy(r => r.EndsOn).ThenBy(r => r.UnitCode).Take(take)
            .Select(r => new { r.Id, r.UnitName, r.Year, r.QuarterNumber, r.EndsOn, r.Status, r.ReturnReason }).ToListAsync(ct);
        var today = DateOnly.FromDateTime(now + ChinaClock.Offset);
        return rows.Select(r =>
        {
            var q = new Quarter(r.Year, r.QuarterNumber);
            var due = DueOn(r.EndsOn);
            var what = r.Status == ReportStatus.Submitted ? "待审定" : r.ReturnReason is null ? "待提交" : "被退回，待修改后重新提交";
            return new TodoItem(Kind, $"{r.UnitName} {q.Label}季报{what}", $"/reports/{r.Id}",
                DateTime.SpecifyKind(due.AddDays(1).ToDateTime(TimeOnly.MinValue) - ChinaClock.Offset, DateTimeKind.Utc), today > due);
        }).ToList();
    }

    protected override IQueryable<QuarterlyReport>? Query(TodoUser user, AppDbContext db, DateTime now)
    {
        var today = DateOnly.FromDateTime(now + ChinaClock.Offset);
        return user.Role switch
        {
            Role.TownOfficer when user.Scope is { Kind: ScopeKind.Unit, RegionCode: { } unit } =>
                db.QuarterlyReports.AsNoTracking().Where(r => r.UnitCode == unit && r.Status == ReportStatus.Draft && r.EndsOn < today),
            Role.DistrictAdmin or Role.DistrictStaff => db.QuarterlyReports.AsNoTracking().Where(r => r.Status == ReportStatus.Submitted),
            _ => null,
        };
    }
}
