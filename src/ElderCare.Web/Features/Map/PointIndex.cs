using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Map;

/// <summary>
/// WGS-84 points in a uniform grid, for the nearest point and the points within a radius, measured with
/// <see cref="Geo.DistanceMeters(double, double, double, double)"/> (the same haversine as everywhere else, so an answer
/// equals a brute-force scan exactly). Cells are laid out in metres east and north of the points' south-west corner,
/// east scaled by the cosine of the latitude farthest from the equator: a projected distance is then never longer than
/// the true one, so after scanning the cells up to ring r every point left is at least r cells away.
/// </summary>
public sealed class PointIndex
{
    private const int MaxCells = 4_000_000;

    private readonly double _south, _west, _eastScale, _cell;
    private readonly int _width, _height;
    private readonly int[] _cellStart;
    private readonly int[] _ids;
    private readonly double[] _lat, _lng;

    public int Count => _ids.Length;

    /// <summary>Indexes the points (ids are their positions in the lists); a cell holds about one point on average.</summary>
    public PointIndex(IReadOnlyList<double> latitudes, IReadOnlyList<double> longitudes, double? cellMeters = null)
    {
        var n = latitudes.Count;
        if (longitudes.Count != n) throw new ArgumentException("latitudes and longitudes differ in length", nameof(longitudes));
        double south = 90, north = -90, west = 180, east = -180;
        for (var i = 0; i < n; i++)
        {
            south = Math.Min(south, latitudes[i]);
            north = Math.Max(north, latitudes[i]);
            west = Math.Min(west, longitudes[i]);
            east = Math.Max(east, longitudes[i]);
        }
        if (n == 0) (south, north, west, east) = (0, 0, 0, 0);
        _south = south;
        _west = west;
        _eastScale = Geo.MetersPerDegree * Math.Cos(Math.Max(Math.Abs(south), Math.Abs(north)) * Math.PI / 180);
        var spanX = Math.Max(1, (east - west) * _eastScale);
        var spanY = Math.Max(1, (north - south) * Geo.MetersPerDegree);
        var cell = cellMeters ?? Math.Max(50, Math.Sqrt(spanX * spanY / Math.Max(1, n)));
        while ((spanX / cell + 1) * (spanY / cell + 1) > MaxCells) cell *= 1.5;
        _cell = cell;
        _width = (int)(spanX / cell) + 1;
        _height = (int)(spanY / cell) + 1;

        // Counting sort by cell: the points of a cell lie together.
        var cellOf = new int[n];
        _cellStart = new int[_width * _height + 1];
        for (var i = 0; i < n; i++)
        {
            cellOf[i] = CellX(longitudes[i]) + CellY(latitudes[i]) * _width;
            _cellStart[cellOf[i] + 1]++;
        }
        for (var c = 0; c < _width * _height; c++) _cellStart[c + 1] += _cellStart[c];
        var next = (int[])_cellStart.Clone();
        _ids = new int[n];
        _lat = new double[n];
        _lng = new double[n];
        for (var i = 0; i < n; i++)
        {
            var at = next[cellOf[i]]++;
            _ids[at] = i;
            _lat[at] = latitudes[i];
            _lng[at] = longitudes[i];
        }
    }

    private int CellX(double lng) => (int)Math.Floor((lng - _west) * _eastScale / _cell);

    private int CellY(double lat) => (int)Math.Floor((lat - _south) * Geo.MetersPerDegree / _cell);

    /// <summary>The nearest point within <paramref name="maxMeters"/> (ties: the lower id), or null.</summary>
    public (int Id, double Meters)? Nearest(double lat, double lng, double maxMeters = double.PositiveInfinity)
    {
        if (Count == 0) return null;
        int cx = CellX(lng), cy = CellY(lat);
        var best = -1;
        var bestMeters = double.PositiveInfinity;
        // Rings wholly outside the grid hold nothing: start at the first that touches it.
        var first = Math.Max(Math.Max(-cx, cx - (_width - 1)), Math.Max(-cy, cy - (_height - 1)));
        var last = Math.Max(Math.Max(cx, _width - 1 - cx), Math.Max(cy, _height - 1 - cy));
        for (var r = Math.Max(0, first); r <= last; r++)
        {
            // Everything in ring r is at least (r − 1) cells away.
            if ((r - 1) * _cell > Math.Min(bestMeters, maxMeters)) break;
            VisitRing(cx, cy, r, (at, meters) =>
            {
                if (meters < bestMeters || (meters == bestMeters && _ids[at] < _ids[best]))
                {
                    best = at;
                    bestMeters = meters;
                }
            }, lat, lng);
        }
        return best >= 0 && bestMeters <= maxMeters ? (_ids[best], bestMeters) : null;
    }

    /// <summary>Every point within <paramref name="radiusMeters"/>, with its distance, in no particular order.</summary>
    public List<(int Id, double Meters)> Within(double lat, double lng, double radiusMeters)
    {
        var found = new List<(int, double)>();
        if (Count == 0) return found;
        int cx = CellX(lng), cy = CellY(lat);
        var rings = (int)Math.Ceiling(radiusMeters / _cell) + 1;
        for (var r = 0; r <= rings; r++)
            VisitRing(cx, cy, r, (at, meters) =>
            {
                if (meters <= radiusMeters) found.Add((_ids[at], meters));
            }, lat, lng);
        return found;
    }

    private void VisitRing(int cx, int cy, int r, Action<int, double> visit, double lat, double lng)
    {
        for (var y = Math.Max(0, cy - r); y <= Math.Min(_height - 1, cy + r); y++)
        {
            var edgeRow = y == cy - r || y == cy + r;
            var step = edgeRow ? 1 : 2 * r;
            for (var x = cx - r; x <= cx + r; x += Math.Max(1, step))
            {
                if (x < 0 || x >= _width) continue;
                var c = x + y * _width;
                for (var at = _cellStart[c]; at < _cellStart[c + 1]; at++) visit(at, Geo.DistanceMeters(lat, lng, _lat[at], _lng[at]));
            }
        }
    }
}
