using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>Alarms in scope, the newest first; open=true (not resolved) is what the console re-reads after a reconnect.</summary>
public static class ListAlarms
{
    public sealed record Query(string? Status, bool? Open, string? RegionCode, int? Page, int? PageSize);

    public static async Task<Outcome<Paged<AlarmResource>>> Handle(Query q, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(q.Page, q.PageSize, errors);
        var status = EnumText.Optional<AlarmStatus>(q.Status, "status", errors);
        if (errors.Any) return Outcome<Paged<AlarmResource>>.Invalid(errors);
        var alarms = db.Alarms.AsNoTracking().InScope(scope);
        if (status is { } s) alarms = alarms.Where(a => a.Status == s);
        if (q.Open == true) alarms = alarms.Where(a => a.Status != AlarmStatus.Resolved);
        if (!string.IsNullOrWhiteSpace(q.RegionCode)) alarms = alarms.Where(a => a.RegionCode.StartsWith(q.RegionCode.Trim()));
        var total = await alarms.CountAsync(ct);
        var page = await alarms.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(ct);
        return new Paged<AlarmResource>(page.Select(AlarmResource.From).ToList(), paging.Page, paging.PageSize, total);
    }
}
