namespace ElderCare.Web.Features.Map;

/// <summary>
/// 二(四) 一刻钟便捷养老服务圈 — how far each elder walks to the nearest facility (of the kind asked: operating and up to
/// standard is the caller's filter). Over the road network when one is installed, else the straight line × the detour
/// factor (<see cref="WalkingRule"/>). Metres; +∞ where nothing is within <c>maxMeters</c> of walking.
/// </summary>
public static class Reach
{
    /// <summary>Straight line × detour factor to the nearest facility.</summary>
    public static double[] Walks(IReadOnlyList<double> homeLat, IReadOnlyList<double> homeLng, PointIndex facilities, WalkingRule rule,
        double maxMeters = double.PositiveInfinity)
    {
        var walks = new double[homeLat.Count];
        var maxStraight = maxMeters / rule.DetourFactor;
        for (var i = 0; i < walks.Length; i++)
            walks[i] = facilities.Nearest(homeLat[i], homeLng[i], maxStraight) is { } nearest ? rule.WalkFromStraight(nearest.Meters)
                : double.PositiveInfinity;
        return walks;
    }

    /// <summary>
    /// Over the network: from the home straight to its nearest junction, along the ways, and from the junction nearest
    /// the facility straight to it (the short walks to and from the road are not lengthened by the detour factor).
    /// One search from every facility at once, so the cost does not grow with the number of homes.
    /// </summary>
    public static double[] Walks(IReadOnlyList<double> homeLat, IReadOnlyList<double> homeLng, IReadOnlyList<double> facilityLat,
        IReadOnlyList<double> facilityLng, RoadNetwork network, double maxMeters = double.PositiveInfinity)
    {
        var sources = new List<(int, double)>(facilityLat.Count);
        for (var f = 0; f < facilityLat.Count; f++)
            if (network.Junctions.Nearest(facilityLat[f], facilityLng[f], maxMeters) is { } junction) sources.Add((junction.Id, junction.Meters));
        var fromFacilities = network.WalkFrom(sources, maxMeters);
        var walks = new double[homeLat.Count];
        for (var i = 0; i < walks.Length; i++)
        {
            walks[i] = network.Junctions.Nearest(homeLat[i], homeLng[i], maxMeters) is { } junction
                ? junction.Meters + fromFacilities[junction.Id] : double.PositiveInfinity;
            if (walks[i] > maxMeters) walks[i] = double.PositiveInfinity;
        }
        return walks;
    }
}
