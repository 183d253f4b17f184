using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
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
    public static async Task<Outcome<Paged<AlarmRow>>> Handle(ListAlarms.Query q, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(q.Page, q.PageSize, errors);
        var alarms = ListAlarms.Filter(q, scope, db, errors);
        if (errors.Any) return Outcome<Paged<AlarmRow>>.Invalid(errors);
        var total = await alarms.CountAsync(ct);
        var rows = await ListAlarms.Rows(ListAlarms.Sorted(alarms, q).Skip(paging.Skip).Take(paging.PageSize), db).ToListAsync(ct);
        return new Paged<AlarmRow>(rows, paging.Page, paging.PageSize, total);
    }
}
