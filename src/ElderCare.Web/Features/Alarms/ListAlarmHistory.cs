using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>
/// The alarm list page (报警记录): a page of <see cref="ListAlarms"/> with the same filters and order, as rows naming the
/// elder (the console's "今日已处理" shows today only; this holds every day).
/// </summary>
public static class ListAlarmHistory
{
    public static Task<Outcome<Paged<AlarmRow>>> Handle(ListAlarms.Query q, DataScope scope, AppDbContext db, CancellationToken ct) =>
        ListPage.Read(q.Page, q.PageSize, errors => ListAlarms.Filter(q, scope, db, errors), alarms => ListAlarms.Sorted(alarms, q),
            (page, token) => ListAlarms.Rows(page, db).ToListAsync(token), ct);
}
