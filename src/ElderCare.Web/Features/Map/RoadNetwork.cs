using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Map;

/// <summary>
/// A walking network: junctions (WGS-84) and the ways between them, walkable both ways, each as long as its geometry
/// (metres). Held as adjacency arrays, so a shortest-path search over a city's 200,000 ways takes milliseconds.
/// </summary>
public sealed class RoadNetwork
{
    private readonly int[] _start;
    private readonly int[] _to;
    private readonly double[] _meters;

    public IReadOnlyList<double> Latitudes { get; }
    public IReadOnlyList<double> Longitudes { get; }
    public PointIndex Junctions { get; }
    public int EdgeCount => _to.Length / 2;

    /// <param name="ways">From, to (junction positions in the lists) and length in metres; null length = the straight line.</param>
    public RoadNetwork(IReadOnlyList<double> latitudes, IReadOnlyList<double> longitudes, IEnumerable<(int From, int To, double? Meters)> ways)
    {
        Latitudes = latitudes;
        Longitudes = longitudes;
        var n = latitudes.Count;
        var list = ways.Where(w => w.From != w.To).ToList();
        foreach (var (from, to, _) in list)
            if ((uint)from >= n || (uint)to >= n) throw new ArgumentOutOfRangeException(nameof(ways), $"way {from}–{to} names a missing junction");
        _start = new int[n + 1];
        foreach (var (from, to, _) in list)
        {
            _start[from + 1]++;
            _start[to + 1]++;
        }
        for (var i = 0; i < n; i++) _start[i + 1] += _start[i];
        var next = (int[])_start.Clone();
        _to = new int[list.Count * 2];
        _meters = new double[list.Count * 2];
        foreach (var (from, to, meters) in list)
        {
            var length = meters ?? Geo.DistanceMeters(latitudes[from], longitudes[from], latitudes[to], longitudes[to]);
            (_to[next[from]], _meters[next[from]++]) = (to, length);
            (_to[next[to]], _meters[next[to]++]) = (from, length);
        }
        Junctions = new PointIndex(latitudes, longitudes);
    }

    /// <summary>
    /// The shortest walk from any source (a junction and the metres already walked to reach it) to every junction,
    /// not looking past <paramref name="maxMeters"/>; unreached junctions are +∞ (Dijkstra from all sources at once).
    /// </summary>
    public double[] WalkFrom(IEnumerable<(int Junction, double Meters)> sources, double maxMeters = double.PositiveInfinity)
    {
        var distance = new double[_start.Length - 1];
        Array.Fill(distance, double.PositiveInfinity);
        var queue = new PriorityQueue<int, double>();
        foreach (var (junction, meters) in sources)
        {
            if (meters >= distance[junction] || meters > maxMeters) continue;
            distance[junction] = meters;
            queue.Enqueue(junction, meters);
        }
        while (queue.TryDequeue(out var at, out var d))
        {
            if (d > distance[at]) continue; // a stale entry: a shorter walk was found after it was queued
            for (var e = _start[at]; e < _start[at + 1]; e++)
            {
                var through = d + _meters[e];
                if (through >= distance[_to[e]] || through > maxMeters) continue;
                distance[_to[e]] = through;
                queue.Enqueue(_to[e], through);
            }
        }
        return distance;
    }

    /// <summary>
    /// The junctions within <paramref name="maxMeters"/> of a walk from the sources, with their walks: the same search as
    /// <see cref="WalkFrom"/> but holding only what it reaches, so thousands of short searches (one per candidate site)
    /// cost what they reach, not the whole network each.
    /// </summary>
    public Dictionary<int, double> WalkWithin(IEnumerable<(int Junction, double Meters)> sources, double maxMeters)
    {
        var distance = new Dictionary<int, double>();
        var queue = new PriorityQueue<int, double>();
        foreach (var (junction, meters) in sources)
        {
            if (meters > maxMeters || (distance.TryGetValue(junction, out var known) && known <= meters)) continue;
            distance[junction] = meters;
            queue.Enqueue(junction, meters);
        }
        while (queue.TryDequeue(out var at, out var d))
        {
            if (d > distance[at]) continue;
            for (var e = _start[at]; e < _start[at + 1]; e++)
            {
                var through = d + _meters[e];
                if (through > maxMeters || (distance.TryGetValue(_to[e], out var known) && known <= through)) continue;
                distance[_to[e]] = through;
                queue.Enqueue(_to[e], through);
            }
        }
        return distance;
    }
}
