namespace ElderCare.Web.Infrastructure.Web;

/// <summary>WGS-84 positions and distances (DESIGN.md: coordinates stored as WGS-84): visit geofences, dispatch,
/// meal route order and the alarm on-site check all measure with this one formula.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public static bool IsValid(double? lat, double? lng) => lat is >= -90 and <= 90 && lng is >= -180 and <= 180;
}

/// <summary>A position as the API reads and writes it (WGS-84 degrees).</summary>
public sealed record LocationResource(double Lat, double Lng)
{
    /// <summary>The stored pair as a resource, or null when either half is missing.</summary>
    public static LocationResource? Of(double? lat, double? lng) => lat is { } a && lng is { } b ? new(a, b) : null;
}

/// <summary>A latitude/longitude box (WGS-84 degrees), for a cheap "near" filter in SQL before any distance is measured.</summary>
public readonly record struct GeoBox(double South, double North, double West, double East)
{
    /// <summary>The smallest box holding the points, widened on every side by at least <paramref name="meters"/>; null for no points.</summary>
    public static GeoBox? Around(IReadOnlyList<double> lats, IReadOnlyList<double> lngs, double meters)
    {
        if (lats.Count == 0) return null;
        var dLat = meters / Geo.MetersPerDegree * 1.01;
        var (south, north) = (lats.Min() - dLat, lats.Max() + dLat);
        // A degree of longitude is shortest at the box's edge farthest from the equator.
        var dLng = dLat / Math.Max(0.01, Math.Cos(Math.Min(89.0, Math.Max(Math.Abs(south), Math.Abs(north))) * Math.PI / 180));
        return new GeoBox(south, north, lngs.Min() - dLng, lngs.Max() + dLng);
    }
}

public static class Geo
{
    /// <summary>
    /// The one check of a position in a request: latitude −90…90, longitude −180…180, NaN refused (the range
    /// patterns are false for NaN). Fields are named as the request names them.
    /// </summary>
    public static Errors.FieldErrors CheckLocation(this Errors.FieldErrors errors, double? lat, double? lng,
        string latField = "location.lat", string lngField = "location.lng")
    {
        errors.AddIf(lat is not null && lat is not (>= -90 and <= 90), latField, "纬度应在 -90 至 90 之间。");
        errors.AddIf(lng is not null && lng is not (>= -180 and <= 180), lngField, "经度应在 -180 至 180 之间。");
        return errors;
    }

    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Metres in one degree of latitude (and of longitude at the equator) on the same sphere.</summary>
    public const double MetersPerDegree = EarthRadiusMeters * Math.PI / 180;

    /// <summary>Great-circle distance by the haversine formula, in metres.</summary>
    public static double DistanceMeters(GeoPoint a, GeoPoint b) => DistanceMeters(a.Latitude, a.Longitude, b.Latitude, b.Longitude);

    /// <summary>Great-circle distance by the haversine formula, in metres.</summary>
    public static double DistanceMeters(double lat1, double lng1, double lat2, double lng2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLng = Rad(lng2 - lng1);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Whether a position lies within the geofence (radius in metres) around the home.</summary>
    public static bool Within(GeoPoint home, GeoPoint at, double radiusMeters) => DistanceMeters(home, at) <= radiusMeters;
}
