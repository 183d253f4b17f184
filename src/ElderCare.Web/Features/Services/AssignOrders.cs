using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;

namespace ElderCare.Web.Features.Services;

/// <summary>The outcome of one order of a batch: assigned, or why not (the refusal of <see cref="AssignOrder"/>).</summary>
public sealed record BatchAssignResult(Guid OrderId, bool Assigned, string? Problem);

/// <summary>
/// 批量派单: each checked order assigned to its chosen worker by <see cref="AssignOrder"/> (the same checks and scope), one
/// save per order, so one refusal (already assigned, now double-booked, gone) leaves the others assigned; each refusal is
/// reported. A suggested worker needs no reason; the batch never overrides.
/// </summary>
public static class AssignOrders
{
    public const int MaxBatch = ListDayDispatch.MaxOrders;

    public static async Task<IReadOnlyList<BatchAssignResult>> Handle(IReadOnlyList<(Guid OrderId, Guid WorkerId)> picks, CurrentUser user,
        AppDbContext db, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var results = new List<BatchAssignResult>();
        foreach (var (orderId, workerId) in picks.DistinctBy(p => p.OrderId).Take(MaxBatch))
        {
            db.ChangeTracker.Clear(); // each order on its own: a refused one leaves nothing behind for the next
            var outcome = await AssignOrder.Handle(orderId, new AssignOrder.Input(workerId, "批量派单"), user, db, clock, audit, ct);
            var problem = outcome.IsOk ? null
                : outcome.Errors is { } e ? string.Join(" ", e.Entries.SelectMany(x => x.Value)) : outcome.Message;
            results.Add(new BatchAssignResult(orderId, outcome.IsOk, problem));
        }
        return results;
    }
}
