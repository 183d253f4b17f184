using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ElderCare.Bench;

/// <summary>
/// The base map served by the app (ADR 31, Map:TilesFile): an MBTiles package generated once into bench/data (zoom
/// 8–14 around Rongchang, PNG-sized blobs of 2–40 KB from a fixed seed), tiles fetched over HTTP from the app in
/// process (WebApplicationFactory, the production pipeline). Goal: median under 10 ms. Baseline: the same tile blob read
/// directly with SQLite in the same process (a pooled read-only connection per read, as the app opens one); every
/// sampled tile's bytes checked equal before timing. Requests interleaved with baseline reads.
/// </summary>
public static class TilesBench
{
    private const int Seed = 20261204;
    private const double Lat = 29.4048, Lng = 105.5942;
    private static readonly int Radius = Results.Size(12, 4); // tiles each side of the centre per zoom level
    private static readonly int Sample = Results.Size(2_000, 200);
    private const double GoalMs = 10;

    public static async Task<int> RunAsync(int rounds)
    {
        Directory.CreateDirectory(BenchPaths.DataDir);
        var package = Path.Combine(BenchPaths.DataDir, $"tiles-{Radius}.mbtiles");
        var tiles = File.Exists(package) ? ReadKeys(package) : Generate(package);
        var database = Path.Combine(BenchPaths.DataDir, "tiles-app.db");
        Environment.SetEnvironmentVariable("Map__TilesFile", package);
        await using var factory = new CityAppFactory(database);
        using var client = factory.CreateClient();
        var connection = new SqliteConnectionStringBuilder { DataSource = package, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();

        var random = new Random(Seed);
        var sample = Enumerable.Range(0, Sample).Select(_ => tiles[random.Next(tiles.Count)]).ToList();
        foreach (var t in sample.Distinct())
        {
            var served = await client.GetByteArrayAsync(Url(t));
            if (!served.AsSpan().SequenceEqual(Read(connection, t)))
                throw new InvalidOperationException($"tile {t.Z}/{t.X}/{t.Y}: the app's bytes differ from the package's");
        }

        var http = new List<double>();
        var direct = new List<double>();
        for (var round = 0; round < rounds; round++)
            foreach (var t in sample)
            {
                var watch = Stopwatch.StartNew();
                using (var response = await client.GetAsync(Url(t)))
                {
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync();
                }
                http.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                Read(connection, t);
                direct.Add(watch.Elapsed.TotalMilliseconds);
            }
        var median = Results.Percentile(http, 0.50);
        var ok = median < GoalMs;
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture,
                $"{rounds} rounds of {Sample:N0} tile requests, each followed by the same read straight from SQLite.")
            .AppendLine()
            .AppendLine("| measure | median | p95 | p99 | goal | result |")
            .AppendLine("|---|---|---|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture,
                $"| `GET /api/map/tiles/{{z}}/{{x}}/{{y}}` over HTTP (in process) | {Results.Ms(median)} | " +
                $"{Results.Ms(Results.Percentile(http, 0.95))} | {Results.Ms(Results.Percentile(http, 0.99))} | < {GoalMs:0} ms | " +
                $"{Results.Verdict(ok)} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| baseline: the blob read with SQLite | {Results.Ms(Results.Percentile(direct, 0.50))} | " +
                $"{Results.Ms(Results.Percentile(direct, 0.95))} | {Results.Ms(Results.Percentile(direct, 0.99))} | — | bytes equal ✓ |");
        Console.WriteLine($"tiles: median {median:F3} ms over HTTP, {Results.Percentile(direct, 0.50):F3} ms straight from SQLite");
        Results.Write("tiles", $"{tiles.Count:N0} tiles (zoom 8–14, {2 * Radius + 1}² around Rongchang per level, 2–40 KB each, seed {Seed})",
            body.ToString());
        return ok ? 0 : 1;
    }

    private sealed record Tile(int Z, int X, int Y);

    private static string Url(Tile t) => $"/api/map/tiles/{t.Z}/{t.X}/{t.Y}";

    private static byte[] Read(string connection, Tile t)
    {
        using var db = new SqliteConnection(connection);
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT tile_data FROM tiles WHERE zoom_level = $z AND tile_column = $x AND tile_row = $y";
        command.Parameters.AddWithValue("$z", t.Z);
        command.Parameters.AddWithValue("$x", t.X);
        command.Parameters.AddWithValue("$y", (1 << t.Z) - 1 - t.Y);
        return (byte[])command.ExecuteScalar()!;
    }

    private static List<Tile> Generate(string file)
    {
        var temp = file + ".partial";
        if (File.Exists(temp)) File.Delete(temp);
        var random = new Random(Seed);
        var list = new List<Tile>();
        using (var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ToString()))
        {
            db.Open();
            using var tx = db.BeginTransaction();
            using (var create = db.CreateCommand())
            {
                create.CommandText = "CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, " +
                    "tile_row INTEGER, tile_data BLOB); CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row); " +
                    "INSERT INTO metadata VALUES ('name', 'bench'), ('format', 'png');";
                create.ExecuteNonQuery();
            }
            using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO tiles VALUES ($z, $x, $y, $d)";
            var (pz, px, py, pd) = (insert.Parameters.Add("$z", SqliteType.Integer), insert.Parameters.Add("$x", SqliteType.Integer),
                insert.Parameters.Add("$y", SqliteType.Integer), insert.Parameters.Add("$d", SqliteType.Blob));
            for (var z = 8; z <= 14; z++)
            {
                var n = 1 << z;
                var cx = (int)((Lng + 180) / 360 * n);
                var cy = (int)((1 - Math.Log(Math.Tan(Lat * Math.PI / 180) + 1 / Math.Cos(Lat * Math.PI / 180)) / Math.PI) / 2 * n);
                for (var x = cx - Radius; x <= cx + Radius; x++)
                    for (var y = cy - Radius; y <= cy + Radius; y++)
                    {
                        var data = new byte[random.Next(2_048, 40_960)];
                        random.NextBytes(data);
                        data[0] = 0x89; // a PNG signature's first byte, never gzip's 0x1f
                        (pz.Value, px.Value, py.Value, pd.Value) = (z, x, n - 1 - y, data);
                        insert.ExecuteNonQuery();
                        list.Add(new Tile(z, x, y));
                    }
            }
            tx.Commit();
        }
        File.Move(temp, file);
        return list;
    }

    private static List<Tile> ReadKeys(string file)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly }.ToString());
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT zoom_level, tile_column, tile_row FROM tiles ORDER BY zoom_level, tile_column, tile_row";
        using var reader = command.ExecuteReader();
        var list = new List<Tile>();
        while (reader.Read())
        {
            var z = reader.GetInt32(0);
            list.Add(new Tile(z, reader.GetInt32(1), (1 << z) - 1 - reader.GetInt32(2)));
        }
        return list;
    }
}
