using Microsoft.Data.Sqlite;

namespace ElderCare.Web.Features.Map;

/// <summary>One tile of the base map: its bytes, media type and, for gzip-compressed vector tiles, the encoding.</summary>
public sealed record MapTile(byte[] Data, string ContentType, string? ContentEncoding);

/// <summary>
/// The base map (ADR 30): tiles from the installed MBTiles package (an SQLite file: <c>tiles(zoom_level, tile_column,
/// tile_row, tile_data)</c> with rows counted from the south, TMS, and <c>metadata(name, value)</c> naming the format),
/// read-only, or from a PMTiles v3 archive (a file ending .pmtiles, <see cref="PMTiles"/>); else the configured tile URL;
/// else none, and the pages draw a plain grid.
/// </summary>
public sealed class MapTiles(MapOptions options, ILogger<MapTiles> log)
{
    public const string Route = "/api/map/tiles/{z}/{x}/{y}";
    public const int MaxZoom = 22;

    private readonly Lazy<Package?> _package = new(() => Open(options.TilesFile, log));

    /// <summary>The URL template the pages give Leaflet, or null for the plain grid.</summary>
    public string? Url => _package.Value is not null ? Route : string.IsNullOrWhiteSpace(options.TileUrl) ? null : options.TileUrl;

    /// <summary>Whether the installed package serves the tiles (null: no package, the pages use <see cref="Url"/>).</summary>
    public bool Installed => _package.Value is not null;

    /// <summary>The tile at z/x/y (XYZ numbering, rows from the north), or null where the package has none.</summary>
    public async Task<MapTile?> GetAsync(int z, int x, int y, CancellationToken ct)
    {
        if (_package.Value is not { } package) return null;
        if (package.Archive is { } archive) return archive.Get(z, x, y);
        await using var connection = new SqliteConnection(package.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tile_data FROM tiles WHERE zoom_level = $z AND tile_column = $x AND tile_row = $y";
        command.Parameters.AddWithValue("$z", z);
        command.Parameters.AddWithValue("$x", x);
        command.Parameters.AddWithValue("$y", (1 << z) - 1 - y); // MBTiles counts rows from the south
        if (await command.ExecuteScalarAsync(ct) is not byte[] data) return null;
        var gzip = data.Length > 2 && data[0] == 0x1f && data[1] == 0x8b;
        return new MapTile(data, package.ContentType, gzip ? "gzip" : null);
    }

    private sealed record Package(string ConnectionString, string ContentType, PMTiles? Archive = null);

    private static Package? Open(string? file, ILogger log)
    {
        if (string.IsNullOrWhiteSpace(file)) return null;
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            log.LogWarning("底图文件 Map:TilesFile 不存在：{Path}；改用 Map:TileUrl 或网格底图。", path);
            return null;
        }
        if (path.EndsWith(".pmtiles", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var archive = PMTiles.Open(path);
                return new Package("", archive.ContentType, archive);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException or OverflowException
                                          or ArgumentException or UnauthorizedAccessException)
            {
                log.LogWarning("底图文件 Map:TilesFile 不是可读的 PMTiles v3：{Path}（{Error}）；改用 Map:TileUrl 或网格底图。", path, e.Message);
                return null;
            }
        }
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
        try
        {
            using var db = new SqliteConnection(connection);
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "SELECT value FROM metadata WHERE name = 'format'";
            var format = command.ExecuteScalar() as string;
            return new Package(connection, ContentType(format));
        }
        catch (SqliteException e)
        {
            log.LogWarning("底图文件 Map:TilesFile 不是可读的 MBTiles：{Path}（{Error}）；改用 Map:TileUrl 或网格底图。", path, e.Message);
            return null;
        }
    }

    /// <summary>The MBTiles 1.3 "format" values; pbf is a Mapbox vector tile.</summary>
    public static string ContentType(string? format) => format?.ToLowerInvariant() switch
    {
        "jpg" or "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "pbf" or "mvt" => "application/vnd.mapbox-vector-tile",
        _ => "image/png",
    };
}
