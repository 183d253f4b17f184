using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Features.Map;

/// <summary>The base map and the 15-minute circle, from configuration section "Map".</summary>
public sealed class MapOptions
{
    /// <summary>
    /// An MBTiles package the district installs (raster png/jpg/webp tiles): the app serves its tiles itself at
    /// <see cref="MapTiles.Route"/>, so the map works on an intranet without internet. Empty or missing → <see cref="TileUrl"/>.
    /// </summary>
    public string? TilesFile { get; set; }

    /// <summary>A tile server's URL template ({z}/{x}/{y}) when no package is installed; empty → a plain grid.</summary>
    public string? TileUrl { get; set; }

    /// <summary>The origin of <see cref="TileUrl"/>, allowed by the Content-Security-Policy's img-src.</summary>
    public string? TileOrigin { get; set; }

    /// <summary>An elder's walking pace (二(四) 一刻钟: 0.8 m/s × 15 min ≈ 720 m).</summary>
    [Range(0.1, 3.0)]
    public double WalkingMetersPerSecond { get; set; } = 0.8;

    /// <summary>Walk ÷ straight line where no road network is installed.</summary>
    [Range(1.0, 3.0)]
    public double DetourFactor { get; set; } = 1.3;

    /// <summary>The circle's walking time.</summary>
    [Range(1, 60)]
    public double CircleMinutes { get; set; } = 15;

    public WalkingRule Walking => new(WalkingMetersPerSecond, DetourFactor, CircleMinutes);

    // ---- map data: the road network ----

    /// <summary>An OpenStreetMap extract (.osm.pbf) of the district: walks follow its roads; empty → the straight line × detour.</summary>
    public string? RoadsFile { get; set; }

    /// <summary>The network read from <see cref="RoadsFile"/> once, on first use (set at start in HostSetup; null in unit tests).</summary>
    internal OsmRoads? Roads { get; set; }

    /// <summary>The installed road network, or null: walks are then the straight line × <see cref="DetourFactor"/>.</summary>
    internal RoadNetwork? Network => Roads?.Network;
}
