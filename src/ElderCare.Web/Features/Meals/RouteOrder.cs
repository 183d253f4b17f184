using ElderCare.Web.Infrastructure.Web;
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
            var next = open.OrderBy(s => Geo.DistanceMeters(lat, lng, s.Latitude!.Value, s.Longitude!.Value))
                .ThenBy(s => s.Name, StringComparer.Ordinal)
                .ThenBy(s => s.Key).First();
            route.Add(next);
            open.Remove(next);
            (lat, lng) = (next.Latitude!.Value, next.Longitude!.Value);
        }
        route.AddRange(all.Where(s => s.Latitude is null || s.Longitude is null).OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Key));
        return route;
    }
}
