using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// The officer or provider confirms a suggestion, or assigns a worker the suggestion left out with a reason (人工指定,
/// <see cref="Dispatch.Judge"/>): the order is flagged and the act audited. A double-booked worker is always refused.
/// </summary>
public static class AssignOrder
{
    public sealed record Input(Guid? WorkerId, string? Note, string? OverrideReason = null);

    /// <summary>A transition note is at most this long, as a cancel or missed-visit reason is (CloseOrder).</summary>
    private const int NoteLength = 300;

    public static async Task<Outcome<OrderResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        AuditLog audit, CancellationToken ct)
    {
        var scope = user.Scope;
        var order = await db.ServiceOrders.InScope(scope, db).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return Outcome<OrderResource>.NotFound("找不到该工单，或不在您的管辖范围内。");
        if (!OrderLifecycle.Allows(order.Status, OrderAction.Assign))
            return Outcome<OrderResource>.Conflict(OrderLifecycle.Refusal(order.Status, OrderAction.Assign));
        var text = new FieldErrors();
        input = input with
        {
            Note = text.Text(input.Note, "note", "派单备注", 200),
            OverrideReason = text.Text(input.OverrideReason, "overrideReason", "人工指定理由", 200),
        };
        if (text.Any) return Outcome<OrderResource>.Invalid(text);
        // Only a worker the user may read (ADR 0019); outside scope one reads as unknown.
        var workers = db.Workers.AsNoTracking().InScope(scope, db).Where(w => w.Active);
        if (order.ProviderId is { } p) workers = workers.Where(w => w.ProviderId == p);
        var worker = input.WorkerId is { } wid ? await workers.FirstOrDefaultAsync(w => w.Id == wid, ct) : null;
        if (worker is null)
            return Outcome<OrderResource>.Invalid("workerId", order.ProviderId is null ? "请选择服务人员。" : "请选择承接机构的服务人员。");
        var (request, candidates) = await SuggestWorkers.Facts(order.Id, order.ElderId, order.ServiceItemId, order.ItemCode, worker.ProviderId,
            order.RegionCode, order.UnitCode, order.WindowStart, order.WindowEnd, scope, db, clock, ct);
        // A worker from outside the elder's region (an override) is not among the candidates: check their bookings too.
        var candidate = candidates.FirstOrDefault(c => c.WorkerId == worker.Id)
            ?? new DispatchCandidate(worker.Id, worker.Name, worker.ProviderId, worker.Qualifications, worker.Certificates, worker.RegionCodes,
                worker.Availability, null,
                (await SuggestWorkers.Bookings([worker.Id], order.Id, order.WindowStart, order.WindowEnd, db, ct))
                    .Select(b => (b.WindowStart, b.WindowEnd)).ToList());
        // Whatever else the worker fails, an overlapping booking is refused first: it is never overridden.
        if (candidate.Booked.Count > 0) return Outcome<OrderResource>.Invalid("workerId", "该服务人员在此时段已有其他工单。");
        var failed = Dispatch.Failed(request, candidate);
        switch (Dispatch.Judge(failed?.Rule, input.OverrideReason))
        {
            case AssignVerdict.Refused:
                return Outcome<OrderResource>.Invalid("workerId", "该服务人员在此时段已有其他工单。");
            case AssignVerdict.NeedsReason when failed!.Value.Rule == DispatchRule.Qualification:
                return Outcome<OrderResource>.Invalid("workerId",
                    $"该服务人员没有有效的{ServiceLabels.Qualification(request.RequiredQualification)}证书；如确需指派，请填写人工指定理由。");
            case AssignVerdict.NeedsReason:
                return Outcome<OrderResource>.Invalid("overrideReason",
                    $"该服务人员{failed!.Value.Reason}；如确需指派，请填写人工指定理由（至少 {Dispatch.MinOverrideReason} 个字）。");
        }
        var now = clock.UtcNow();
        var overrideNote = failed is { } f ? $"人工指定（{f.Reason}）：{input.OverrideReason!.Trim()}" : null;
        var parts = new[] { $"派给 {worker.Name}", overrideNote, input.Note?.Trim() };
        var note = string.Join("；", parts.Where(s => !string.IsNullOrEmpty(s)));
        OrderLifecycle.Apply(order, OrderAction.Assign, now, user.UserName ?? "", note.Length > NoteLength ? note[..NoteLength] : note);
        // A reassignment to a suggested worker clears the flag; the timeline and the audit trail keep the earlier override.
        order.OverrideRule = failed?.Rule;
        order.OverrideReason = failed is null ? null : input.OverrideReason!.Trim();
        order.OverriddenBy = failed is null ? null : user.UserName ?? "";
        order.OverriddenAt = failed is null ? null : now;
        order.WorkerId = worker.Id;
        order.ProviderId = worker.ProviderId;
        order.Version++;
        await db.SaveChangesAsync(ct);
        if (failed is { } rule)
            await audit.AppendAsync(new(user.Id, user.UserName, "order.dispatch-override", $"order/{order.Id}", AuditOutcome.Success,
                user.Address, $"{worker.Name}：{Dispatch.Label(rule.Rule)}（{rule.Reason}）；理由：{order.OverrideReason}"));
        return await GetOrder.Handle(order.Id, DataScope.District, db, ct);
    }
}
