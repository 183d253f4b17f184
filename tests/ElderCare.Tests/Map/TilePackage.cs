using Microsoft.Data.Sqlite;

namespace ElderCare.Tests.Map;

/// <summary>A small MBTiles package made by the tests: metadata with the format, and the given tiles (XYZ numbering).</summary>
public static class TilePackage
{
    /// <summary>A 1×1 PNG: the smallest real image a browser draws.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static string Create(string format, IEnumerable<(int Z, int X, int Y, byte[] Data)> tiles)
    {
        var path = Path.Combine(Path.GetTempPath(), $"eldercare-tiles-{Guid.NewGuid():N}.mbtiles");
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        db.Open();
        using var create = db.CreateCommand();
        create.CommandText = """
            CREATE TABLE metadata (name TEXT, value TEXT);
            CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
            CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
            INSERT INTO metadata VALUES ('name', '测试底图'), ('format', $format);
            """;
        create.Parameters.AddWithValue("$format", format);
        create.ExecuteNonQuery();
        foreach (var (z, x, y, data) in tiles)
        {
            using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO tiles VALUES ($z, $x, $row, $data)";
            insert.Parameters.AddWithValue("$z", z);
            insert.Parameters.AddWithValue("$x", x);
            insert.Parameters.AddWithValue("$row", (1 << z) - 1 - y); // MBTiles rows count from the south (TMS)
            insert.Parameters.AddWithValue("$data", data);
            insert.ExecuteNonQuery();
        }
        return path;
    }
}
