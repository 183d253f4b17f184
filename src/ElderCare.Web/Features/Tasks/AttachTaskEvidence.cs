using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Evidence;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Tasks;

/// <summary>
/// Attaches an evidence file of the evidence store (三(一): 履职照单免责 — what was done is on record) to a task: the file
/// must be one the caller may read (ADR 19) and belong to the task's facility, or to a facility of the task's street or
/// town when the task has none. The same file twice is attached once.
/// </summary>
public static class AttachTaskEvidence
{
    public sealed record Input(Guid? EvidenceId);

    public static async Task<Outcome<TaskResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var task = await TaskQueries.FindAsync(id, user.Scope, db, ct);
        if (task is null) return Outcome<TaskResource>.NotFound(TaskQueries.NotFound);
        if (input.EvidenceId is not { } eid) return Outcome<TaskResource>.Invalid("evidenceId", "请先上传证明材料，再提交其编号（evidenceId）。");
        var file = await db.EvidenceFiles.AsNoTracking().InScope(user.Scope, db).FirstOrDefaultAsync(f => f.Id == eid, ct);
        if (file is null) return Outcome<TaskResource>.Invalid("evidenceId", "找不到该证明材料，或不在您的管辖范围内。");
        var belongs = task.FacilityId is { } fid ? file.FacilityId == fid : file.UnitCode == task.UnitCode;
        if (!belongs) return Outcome<TaskResource>.Invalid("evidenceId", "证明材料须属于该任务的设施（或该镇街的设施）。");
        if (task.EvidenceIds.Contains(eid)) return await TaskQueries.Resource(task.Id, user.Scope, db, clock, ct);
        task.EvidenceIds = [.. task.EvidenceIds, eid];
        return await TaskQueries.SaveAsync(task, user.Scope, db, clock, ct);
    }
}
