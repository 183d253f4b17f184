using OsmSharp;
using OsmSharp.Streams;

namespace ElderCare.Web.Features.Map;

/// <summary>
/// The walking network of the district (ADR 31) from an OpenStreetMap extract (<c>Map:RoadsFile</c>, .osm.pbf, read
/// with OsmSharp): the ways an elder may walk (<see cref="IsWalkable"/>), every node of them a junction, every stretch
/// between two nodes a way as long as the straight line between them. Read once, on first use, and kept; a missing or
/// unreadable file is a warning in the log and the walks stay the straight line × the detour factor.
/// </summary>
public sealed class OsmRoads
{
    private readonly Lazy<RoadNetwork?> _network;

    public OsmRoads(string? file, ILogger log) => _network = new(() => Load(file, log));

    /// <summary>The installed network, or null (no file, or unreadable): walks are then estimated from the straight line.</summary>
    public RoadNetwork? Network => _network.Value;

    /// <summary>How a walk is measured, as the answers say it.</summary>
    public static string Method(RoadNetwork? network) => network is null ? StraightLine : ByRoads;

    public const string ByRoads = "按路网";
    public const string StraightLine = "按直线×绕行系数";

    /// <summary>Highways an elder walks on (ways for cars only — motorway, trunk and their links — are left out).</summary>
    public static readonly IReadOnlySet<string> WalkableHighways = new HashSet<string>(StringComparer.Ordinal)
    {
        "footway", "pedestrian", "path", "steps", "living_street", "residential", "service", "unclassified", "road",
        "tertiary", "tertiary_link", "secondary", "secondary_link", "primary", "primary_link", "track", "cycleway",
    };

    private static readonly HashSet<string> FootAllowed = new(StringComparer.Ordinal) { "yes", "designated", "permissive" };

    /// <summary>
    /// Whether an elder may walk the way: a walkable highway (<see cref="WalkableHighways"/>); a cycleway only with
    /// foot=yes|designated|permissive; never foot=no, and never access=private|no unless foot access is given.
    /// </summary>
    public static bool IsWalkable(Func<string, string?> tag)
    {
        if (tag("highway") is not { } highway || !WalkableHighways.Contains(highway)) return false;
        var foot = tag("foot");
        if (foot is "no") return false;
        var footAllowed = foot is not null && FootAllowed.Contains(foot);
        if (highway == "cycleway" && !footAllowed) return false;
        return tag("access") is not ("private" or "no") || footAllowed;
    }

    /// <summary>Reads the walkable network of an .osm.pbf extract (ways first, then the positions of their nodes).</summary>
    public static RoadNetwork Read(Func<Stream> open)
    {
        var ways = new List<long[]>();
        var wanted = new Dictionary<long, int>();
        using (var stream = open())
        {
            foreach (var geo in new PBFOsmStreamSource(stream))
            {
                if (geo is not Way { Nodes: { Length: >= 2 } nodes } way) continue;
                if (!IsWalkable(k => way.Tags is { } tags && tags.TryGetValue(k, out var v) ? v : null)) continue;
                ways.Add(nodes);
                foreach (var n in nodes) wanted.TryAdd(n, -1);
            }
        }
        var lat = new List<double>(wanted.Count);
        var lng = new List<double>(wanted.Count);
        using (var stream = open())
        {
            foreach (var geo in new PBFOsmStreamSource(stream))
            {
                if (geo is not Node { Id: { } id, Latitude: { } la, Longitude: { } lo }) continue;
                if (!wanted.TryGetValue(id, out var at) || at >= 0) continue;
                wanted[id] = lat.Count;
                lat.Add(la);
                lng.Add(lo);
            }
        }
        var edges = new List<(int, int, double?)>();
        foreach (var nodes in ways)
            for (var i = 1; i < nodes.Length; i++)
            {
                var (from, to) = (wanted[nodes[i - 1]], wanted[nodes[i]]);
                if (from >= 0 && to >= 0) edges.Add((from, to, null)); // a node outside the extract cuts the way there
            }
        return new RoadNetwork(lat, lng, edges);
    }

    private static RoadNetwork? Load(string? file, ILogger log)
    {
        if (string.IsNullOrWhiteSpace(file)) return null;
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            log.LogWarning("路网文件 Map:RoadsFile 不存在：{Path}；步行距离按直线×绕行系数估算。", path);
            return null;
        }
        try
        {
            var network = Read(() => File.OpenRead(path));
            if (network.EdgeCount == 0)
            {
                log.LogWarning("路网文件 Map:RoadsFile 中没有可步行的道路：{Path}；步行距离按直线×绕行系数估算。", path);
                return null;
            }
            log.LogInformation("路网已读入：{Path}，{Junctions} 个节点，{Ways} 段道路。", path, network.Latitudes.Count, network.EdgeCount);
            return network;
        }
#pragma warning disable CA1031 // any failure of a third-party reader on a damaged file: the straight line stands, never a 500
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogWarning("路网文件 Map:RoadsFile 无法读取：{Path}（{Error}）；步行距离按直线×绕行系数估算。", path, e.Message);
            return null;
        }
    }
}
