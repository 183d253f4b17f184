namespace ElderCare.Web.Features.Meals;

/// <summary>A stop of a delivery round: who, and where the elder lives (null when the registry has no position).</summary>
public sealed record RouteStopPlace(Guid Key, string Name, double? Latitude, double? Longitude);

/// <summary>
/// Stop order of a delivery round (PRACTICE.md: route sheets and stop order): nearest neighbour — from the dining
/// point, always the closest stop not yet visited. Stops without a position come last, by name, for the driver to place.
/// </summary>
public static class RouteOrder
{
    public static IReadOnlyList<RouteStopPlace> NearestNeighbour(double startLatitude, double startLongitude, IEnumerable<RouteStopPlace> stops)
    {
        var all = stops.ToList();
        var open = all.Where(s => s.Latitude is not null && s.Longitude is not null).ToList();
        var route = new List<RouteStopPlace>(all.Count);
        var (lat, lng) = (startLatitude, startLongitude);
        while (open.Count > 0)
        {
            var next = open.OrderBy(s => Metres(lat, lng, s.Latitude!.Value, s.Longitude!.Value)).ThenBy(s => s.Name, StringComparer.Ordinal)
                .ThenBy(s => s.Key).First();
            route.Add(next);
            open.Remove(next);
            (lat, lng) = (next.Latitude!.Value, next.Longitude!.Value);
        }
        route.AddRange(all.Where(s => s.Latitude is null || s.Longitude is null).OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Key));
        return route;
    }

    /// <summary>Great-circle distance in metres (haversine, WGS-84 mean radius).</summary>
    public static double Metres(double lat1, double lng1, double lat2, double lng2)
    {
        const double r = 6_371_008.8;
        double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLng = Rad(lng2 - lng1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * r * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
