using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>A worker in scope for the edit form, with the user name of the linked caregiver account.</summary>
public static class GetWorker
{
    public sealed record Result(WorkerResource Worker, string? UserName);

    public static async Task<Outcome<Result>> Handle(Guid id, DataScope scope, AppDbContext db, FieldProtector protector, CancellationToken ct)
    {
        var worker = await db.Workers.AsNoTracking().InScope(scope, db).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (worker is null) return Outcome<Result>.NotFound("未找到该服务人员。");
        var userName = worker.UserId is { } uid
            ? await db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => u.UserName).FirstOrDefaultAsync(ct) : null;
        return new Result(WorkerResource.From(worker, protector), userName);
    }
}
