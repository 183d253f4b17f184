namespace ElderCare.Web.Features.Services;

/// <summary>
/// The rules of a visit recorded on the phone (居家上门服务 EVV, ADR 9): the position comes from the phone, and one typed by
/// hand needs a reason and flags the visit; the item's checklist is ticked, and a step left unticked flags the visit with
/// the step named; closing needs the elder's signature or the elder's visit code. Pure.
/// </summary>
public static class VisitProofRules
{
    public const string TypedPositionFlag = "position-typed";
    public const string ChecklistFlag = "checklist-incomplete";

    public const int ReasonMinLength = 4;

    /// <summary>At most this many steps per item, each at most <see cref="StepMaxLength"/> characters.</summary>
    public const int MaxSteps = 30, StepMaxLength = 100;

    /// <summary>"Typing a position by hand only with a reason": the message under <c>positionReason</c>, or null.</summary>
    public static string? PositionProblem(bool typed, string? reason) =>
        typed && (reason?.Trim().Length ?? 0) < ReasonMinLength
            ? $"手工填写位置须说明原因（至少 {ReasonMinLength} 个字，例如“手机无法定位”）。"
            : null;

    /// <summary>The flag of a visit with a typed position (check-in, check-out or both), each with its reason; null when none.</summary>
    public static VisitFlag? TypedFlag(string? checkInReason, string? checkOutReason)
    {
        var parts = new List<string>();
        if (checkInReason is not null) parts.Add($"签到位置为手工填写（原因：{checkInReason}）");
        if (checkOutReason is not null) parts.Add($"签退位置为手工填写（原因：{checkOutReason}）");
        return parts.Count == 0 ? null : new VisitFlag { Code = TypedPositionFlag, Detail = string.Join("；", parts) + "。" };
    }

    /// <summary>The steps not ticked, in the checklist's order ("checklist completeness").</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyList<string> steps, IEnumerable<string> ticked)
    {
        var done = ticked.ToHashSet(StringComparer.Ordinal);
        return steps.Where(s => !done.Contains(s)).ToList();
    }

    /// <summary>Ticks that are not steps of the item's checklist (refused: a tick names a step of this item).</summary>
    public static IReadOnlyList<string> Unknown(IReadOnlyList<string> steps, IEnumerable<string> ticked) =>
        ticked.Where(t => !steps.Contains(t, StringComparer.Ordinal)).Distinct().ToList();

    /// <summary>The flag of a checklist with steps left unticked, naming them; null when complete (or no checklist).</summary>
    public static VisitFlag? ChecklistFlagOf(IReadOnlyList<string> steps, IEnumerable<string> ticked) =>
        Missing(steps, ticked) is { Count: > 0 } missing
            ? new VisitFlag { Code = ChecklistFlag, Detail = $"服务步骤未全部完成，未勾选：{string.Join("、", missing)}。" }
            : null;

    /// <summary>"A signature or the elder's code to close": the message under <c>signature</c>, or null.</summary>
    public static string? ClosingProblem(bool confirmedByCode, bool signed) =>
        confirmedByCode || signed ? null : "签退前须请老人在手机上签名，或输入老人或家属收到的确认码。";

    /// <summary>A checklist as edited (one step per line): trimmed, blank lines and repeats dropped; errors as messages.</summary>
    public static (List<string> Steps, string? Problem) Steps(IEnumerable<string?>? lines)
    {
        var steps = (lines ?? []).Select(l => l?.Trim() ?? "").Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (steps.Count > MaxSteps) return (steps, $"操作步骤最多 {MaxSteps} 条。");
        if (steps.FirstOrDefault(s => s.Length > StepMaxLength) is { } longOne)
            return (steps, $"每条操作步骤不超过 {StepMaxLength} 个字（“{longOne[..10]}…”过长）。");
        return (steps, null);
    }
}
