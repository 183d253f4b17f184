using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Map;

/// <summary>An alarm of the day at the elder's home (else where the device reported it): kind, status and China time; no name.</summary>
public sealed record MapAlarm(Guid Id, string Kind, string Status, string Time, double Lat, double Lng);

/// <summary>A home visit of the day where the worker checked in (else the elder's home): the service, status and time; no name.</summary>
public sealed record MapVisit(Guid Id, string Item, string Status, string Time, bool CheckedIn, double Lat, double Lng);

public sealed record DayEvents(DateOnly Date, IReadOnlyList<MapAlarm> Alarms, IReadOnlyList<MapVisit> Visits, bool Truncated);

/// <summary>
/// The alarms and home visits of one China day on the service map, in the user's scope (the alarm and order scope
/// rules), at most <see cref="MaxEach"/> of each, the latest first. The date is explicit, or today by the app's clock.
/// </summary>
public static class ListDayEvents
{
    public const int MaxEach = 1000;

    public static async Task<Outcome<DayEvents>> Handle(string? date, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var day = clock.DateOrToday(date, "date", errors);
        if (errors.Any) return Outcome<DayEvents>.Invalid(errors);
        if (scope.RegionPrefix is null) return Outcome<DayEvents>.NotFound("无权查看当日报警与上门服务。");
        var from = ServiceTime.Utc(day.ToDateTime(TimeOnly.MinValue));
        var to = from.AddDays(1);

        var alarms = await db.Alarms.AsNoTracking().InScope(scope).Where(a => a.RaisedAt >= from && a.RaisedAt < to)
            .OrderByDescending(a => a.RaisedAt).Take(MaxEach + 1)
            .Select(a => new
            {
                a.Id, a.Kind, a.Status, a.RaisedAt, a.Latitude, a.Longitude,
                Home = db.Elders.Where(e => e.Id == a.ElderId).Select(e => new { e.Latitude, e.Longitude }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var visits = await db.ServiceOrders.AsNoTracking().InScope(scope, db).Where(o => o.WindowStart >= from && o.WindowStart < to)
            .OrderByDescending(o => o.WindowStart).Take(MaxEach + 1)
            .Select(o => new
            {
                o.Id, o.ItemName, o.Status, o.WindowStart, o.CheckInLatitude, o.CheckInLongitude,
                Home = db.Elders.Where(e => e.Id == o.ElderId).Select(e => new { e.Latitude, e.Longitude }).FirstOrDefault(),
            })
            .ToListAsync(ct);

        static string Time(DateTime utc) => ServiceTime.Local(utc).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var alarmPoints = alarms.Take(MaxEach).Select(a => (a.Home?.Latitude ?? a.Latitude, a.Home?.Longitude ?? a.Longitude) is ({ } lat, { } lng)
                ? new MapAlarm(a.Id, AlarmLabels.Of(a.Kind), AlarmLabels.Of(a.Status), Time(a.RaisedAt), lat, lng) : null)
            .OfType<MapAlarm>().ToList();
        var visitPoints = visits.Take(MaxEach).Select(o =>
            {
                var checkedIn = o.CheckInLatitude is not null && o.CheckInLongitude is not null;
                return (checkedIn ? o.CheckInLatitude : o.Home?.Latitude, checkedIn ? o.CheckInLongitude : o.Home?.Longitude) is ({ } lat, { } lng)
                    ? new MapVisit(o.Id, o.ItemName, ServiceLabels.Of(o.Status), Time(o.WindowStart), checkedIn, lat, lng) : null;
            })
            .OfType<MapVisit>().ToList();
        return new DayEvents(day, alarmPoints, visitPoints, alarms.Count > MaxEach || visits.Count > MaxEach);
    }
}
