using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>One alarm in scope, with the time and the person of every step.</summary>
public static class GetAlarm
{
    public static async Task<Outcome<AlarmResource>> Handle(Guid id, DataScope scope, AppDbContext db, CancellationToken ct) =>
        await db.Alarms.AsNoTracking().InScope(scope).FirstOrDefaultAsync(a => a.Id == id, ct) is { } a
            ? AlarmResource.From(a)
            : Outcome<AlarmResource>.NotFound("未找到该报警。");
}
