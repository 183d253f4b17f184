using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Web;
namespace ElderCare.Web.Features.Services;

/// <summary>What verification looks at: the home, the radius, the standard duration, the two clock events, other
/// visits of the same worker, whether the elder's code was given, and the worker's reason for an off-plan duration.</summary>
public sealed record VisitFacts(
    GeoPoint? Home, double RadiusMeters, int StandardMinutes,
    DateTime CheckInAt, GeoPoint CheckIn, DateTime CheckOutAt, GeoPoint CheckOut,
    IReadOnlyCollection<(DateTime Start, DateTime End)> OtherVisits, bool Confirmed, string? DurationReason);

public static class VisitFlags
{
    public const string NoHome = "no-home-location";
    public const string CheckInOutside = "check-in-outside-geofence";
    public const string CheckOutOutside = "check-out-outside-geofence";
    public const string Duration = "duration-off-plan";
    public const string Overlap = "overlapping-visit";
    public const string NotConfirmed = "not-confirmed";

    public static string Name(string code) => code switch
    {
        NoHome => "老年人住址无定位",
        CheckInOutside => "签到位置不在住址范围内",
        CheckOutOutside => "签退位置不在住址范围内",
        Duration => "服务时长偏离标准",
        Overlap => "与本人其他服务时间重叠",
        NotConfirmed => "老年人或家属未确认",
        VisitProofRules.TypedPositionFlag => "位置为手工填写", // phones in the field
        VisitProofRules.ChecklistFlag => "服务步骤未全部完成",
        _ => code,
    };
}

/// <summary>
/// EVV: a visit is verified only when check-in and check-out both lie within the geofence of the elder's home, the
/// duration is within tolerance of the standard, the worker has no overlapping visit, and the elder or family
/// confirmed with the one-time code. Anything else is flagged with each reason — never silently accepted. Pure.
/// </summary>
public static class VisitVerification
{
    public static IReadOnlyList<VisitFlag> Check(VisitFacts v, int toleranceMinutes)
    {
        ArgumentNullException.ThrowIfNull(v);
        var flags = new List<VisitFlag>();
        if (v.Home is not { } home)
            flags.Add(Flag(VisitFlags.NoHome, "老年人住址未定位，无法核对签到签退位置。"));
        else
        {
            var din = Geo.DistanceMeters(home, v.CheckIn);
            if (din > v.RadiusMeters) flags.Add(Flag(VisitFlags.CheckInOutside, $"签到位置距住址 {Meters(din)}，超出 {Meters(v.RadiusMeters)}范围。"));
            var dout = Geo.DistanceMeters(home, v.CheckOut);
            if (dout > v.RadiusMeters) flags.Add(Flag(VisitFlags.CheckOutOutside, $"签退位置距住址 {Meters(dout)}，超出 {Meters(v.RadiusMeters)}范围。"));
        }
        var minutes = (int)Math.Round((v.CheckOutAt - v.CheckInAt).TotalMinutes);
        if (DurationOffPlan(minutes, v.StandardMinutes, toleranceMinutes))
        {
            var reason = string.IsNullOrWhiteSpace(v.DurationReason) ? "未说明原因" : $"原因：{v.DurationReason}";
            flags.Add(Flag(VisitFlags.Duration, $"实际 {minutes} 分钟，标准 {v.StandardMinutes} 分钟，偏差 ≥ {toleranceMinutes} 分钟（{reason}）。"));
        }
        if (v.OtherVisits.FirstOrDefault(o => Overlaps(v.CheckInAt, v.CheckOutAt, o.Start, o.End)) is { Start: var s, End: var e } && e > s)
            flags.Add(Flag(VisitFlags.Overlap, $"与同一服务人员 {Display.ChinaTime(s)}–{Display.ChinaTime(e)} 的服务重叠。"));
        if (!v.Confirmed) flags.Add(Flag(VisitFlags.NotConfirmed, "未输入老年人或家属收到的确认码。"));
        return flags;
    }

    /// <summary>Birdie default: a reason is required when a visit runs ≥ 15 min over or under plan.</summary>
    public static bool DurationOffPlan(int actualMinutes, int standardMinutes, int toleranceMinutes) =>
        Math.Abs(actualMinutes - standardMinutes) >= toleranceMinutes;

    /// <summary>Half-open intervals [start, end) overlap when each starts before the other ends.</summary>
    public static bool Overlaps(DateTime aStart, DateTime aEnd, DateTime bStart, DateTime bEnd) => aStart < bEnd && bStart < aEnd;

    /// <summary>Punctual if clock-in ≤ 7 min after the planned start (provider practice).</summary>
    public static bool IsLate(DateTime windowStart, DateTime checkInAt, int lateAfterMinutes) =>
        checkInAt > windowStart.AddMinutes(lateAfterMinutes);

    private static VisitFlag Flag(string code, string detail) => new() { Code = code, Detail = detail };

    private static string Meters(double m) => m >= 1000 ? $"{m / 1000:0.0} 公里" : $"{m:0} 米";
}

/// <summary>回访: which completed orders are drawn for a follow-up call. Deterministic from the order id, so the draw
/// cannot be influenced by the worker and a re-run draws the same orders. Pure.</summary>
public static class FollowUpSampling
{
    public static bool Drawn(Guid orderId, double share)
    {
        if (share <= 0) return false;
        if (share >= 1) return true;
        var hash = System.Security.Cryptography.SHA256.HashData(orderId.ToByteArray());
        var n = BitConverter.ToUInt32(hash, 0);
        return n / (double)uint.MaxValue < share;
    }
}

/// <summary>Complaint handling deadlines by severity and escalation when overdue. Pure.</summary>
public static class ComplaintDeadlines
{
    public static int Days(ComplaintSeverity s, ServiceOptions o) => s switch
    {
        ComplaintSeverity.Serious => o.SeriousComplaintDays,
        ComplaintSeverity.General => o.GeneralComplaintDays,
        _ => o.MinorComplaintDays,
    };

    public static DateTime DueAt(DateTime receivedAt, ComplaintSeverity s, ServiceOptions o) => receivedAt.AddDays(Days(s, o));

    /// <summary>Unresolved past its deadline: escalated to the district.</summary>
    public static bool Overdue(DateTime dueAt, DateTime? resolvedAt, DateTime now) => resolvedAt is null && now > dueAt;
}
