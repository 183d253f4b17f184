using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Evidence;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Tasks;

/// <summary>One task in scope with its escalations and evidence files.</summary>
public static class GetTask
{
    public static async Task<Outcome<TaskDetails>> Handle(Guid id, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var task = await TaskQueries.Resource(id, scope, db, clock, ct);
        if (!task.IsOk) return Outcome<TaskDetails>.NotFound(TaskQueries.NotFound);
        var escalations = await db.DutyTaskEscalations.AsNoTracking().Where(e => e.TaskId == id).OrderBy(e => e.Level)
            .Select(e => new TaskEscalationResource(e.Level, e.DaysOverdue, e.Recipient, e.Message, e.RecordedAt, e.NotifiedAt))
            .ToListAsync(ct);
        var ids = task.Value!.EvidenceIds.ToList();
        var files = (await db.EvidenceFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(ct))
            .OrderBy(f => f.UploadedAt).Select(EvidenceResource.From).ToList();
        return new TaskDetails(task.Value, escalations, files);
    }
}
