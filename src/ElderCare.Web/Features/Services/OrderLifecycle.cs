namespace ElderCare.Web.Features.Services;

public enum OrderAction { Assign, CheckIn, CheckOut, Cancel, Miss, Confirm, Rate }

/// <summary>
/// The order's state machine: requested → assigned → in-progress → completed, or cancelled (before the visit starts)
/// or missed (assigned, nobody came). Reassigning an assigned order is allowed; the elder's code is taken during or
/// after the visit; a rating only after it. Every transition is recorded with who and when. Pure.
/// </summary>
public static class OrderLifecycle
{
    public static OrderStatus? Next(OrderStatus from, OrderAction action) => (from, action) switch
    {
        (OrderStatus.Requested or OrderStatus.Assigned, OrderAction.Assign) => OrderStatus.Assigned,
        (OrderStatus.Assigned, OrderAction.CheckIn) => OrderStatus.InProgress,
        (OrderStatus.InProgress, OrderAction.CheckOut) => OrderStatus.Completed,
        (OrderStatus.Requested or OrderStatus.Assigned, OrderAction.Cancel) => OrderStatus.Cancelled,
        (OrderStatus.Assigned, OrderAction.Miss) => OrderStatus.Missed,
        (OrderStatus.InProgress or OrderStatus.Completed, OrderAction.Confirm) => from,
        (OrderStatus.Completed, OrderAction.Rate) => from,
        _ => null,
    };

    public static bool Allows(OrderStatus from, OrderAction action) => Next(from, action) is not null;

    /// <summary>Applies an action: records the transition (when the status changes) or says why it cannot be done.</summary>
    public static string? Apply(ServiceOrder order, OrderAction action, DateTime at, string by, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (Next(order.Status, action) is not { } next) return Refusal(order.Status, action);
        if (next != order.Status || action == OrderAction.Assign)
            order.Transitions.Add(new OrderTransition { Status = next, At = at, By = by, Note = note });
        order.Status = next;
        return null;
    }

    public static string Refusal(OrderStatus from, OrderAction action) =>
        $"工单状态为“{ServiceLabels.Of(from)}”，不能{ActionName(action)}。";

    public static string ActionName(OrderAction a) => a switch
    {
        OrderAction.Assign => "派单",
        OrderAction.CheckIn => "签到",
        OrderAction.CheckOut => "签退",
        OrderAction.Cancel => "取消",
        OrderAction.Miss => "登记未上门",
        OrderAction.Confirm => "确认服务",
        OrderAction.Rate => "评价",
        _ => a.ToString(),
    };

    /// <summary>Statuses that hold a worker's time and a month's allowance.</summary>
    public static readonly OrderStatus[] Committed = [OrderStatus.Requested, OrderStatus.Assigned, OrderStatus.InProgress];
}
