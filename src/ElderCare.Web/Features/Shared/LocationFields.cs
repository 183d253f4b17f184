using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Shared;

/// <summary>A position as typed in a form: inputs "location.lat" and "location.lng", both filled or both blank.</summary>
public sealed class LocationFields
{
    public string? Lat { get; set; }
    public string? Lng { get; set; }

    /// <summary>The position, or null when both are blank; what cannot be read, or one half alone, is a field error.</summary>
    public LocationResource? Read(FieldErrors errors)
    {
        var lat = FormValues.Double(Lat, "location.lat", errors, "29.4048");
        var lng = FormValues.Double(Lng, "location.lng", errors, "105.5942");
        if (lat is { } la && lng is { } ln) return new LocationResource(la, ln);
        if (lat is null != (lng is null))
            errors.Add(lat is null ? "location.lat" : "location.lng", "经纬度请同时填写，或都不填。");
        return null;
    }

    public static LocationFields Of(LocationResource? location) =>
        new() { Lat = FormValues.Text(location?.Lat), Lng = FormValues.Text(location?.Lng) };
}
