namespace ElderCare.Web.Features.Map;

/// <summary>
/// 二(四) 一刻钟便捷养老服务圈: an elder is inside the circle of a facility they can walk to in 15 minutes. Walking at
/// <see cref="MetersPerSecond"/> (0.8 m/s by default, an elder's pace: 15 min ≈ 720 m); where no road network is
/// installed, the walk is the straight line × <see cref="DetourFactor"/> (1.3 by default: streets are not straight).
/// </summary>
public sealed record WalkingRule(double MetersPerSecond = 0.8, double DetourFactor = 1.3, double CircleMinutes = 15)
{
    public static readonly WalkingRule Default = new();

    /// <summary>The longest walk inside the circle: 0.8 m/s × 60 × 15 = 720 m.</summary>
    public double CircleMeters => MetersPerSecond * 60 * CircleMinutes;

    /// <summary>The longest straight line inside the circle when walks are estimated: 720 m / 1.3 ≈ 554 m.</summary>
    public double CircleStraightMeters => CircleMeters / DetourFactor;

    /// <summary>A walk estimated from the straight line, in metres.</summary>
    public double WalkFromStraight(double straightMeters) => straightMeters * DetourFactor;

    public double Minutes(double walkMeters) => walkMeters / MetersPerSecond / 60;

    public bool InCircle(double walkMeters) => walkMeters <= CircleMeters;
}
