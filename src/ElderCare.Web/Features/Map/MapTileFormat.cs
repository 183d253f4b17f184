using Microsoft.Data.Sqlite;

namespace ElderCare.Web.Features.Map;

/// <summary>
/// Whether the installed MBTiles package holds vector tiles (metadata format pbf or mvt): the map page then draws them
/// in the browser with Leaflet.VectorGrid instead of as images. Read once; a missing or unreadable package is raster.
/// </summary>
public static class MapTileFormat
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Known = new(StringComparer.Ordinal);

    public static bool IsVector(string? tilesFile)
    {
        if (string.IsNullOrWhiteSpace(tilesFile)) return false;
        var path = Path.GetFullPath(tilesFile);
        return Known.GetOrAdd(path, p =>
        {
            if (!File.Exists(p)) return false;
            try
            {
                using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = p, Mode = SqliteOpenMode.ReadOnly }.ToString());
                db.Open();
                using var command = db.CreateCommand();
                command.CommandText = "SELECT value FROM metadata WHERE name = 'format'";
                return MapTiles.ContentType(command.ExecuteScalar() as string) == "application/vnd.mapbox-vector-tile";
            }
            catch (SqliteException)
            {
                return false;
            }
        });
    }
}
