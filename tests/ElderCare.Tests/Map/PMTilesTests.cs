using System.IO.Compression;
using ElderCare.Web.Features.Map;
using Microsoft.Extensions.Logging.Abstractions;

namespace ElderCare.Tests.Map;

/// <summary>A small PMTiles v3 archive written by the tests: header, gzip-compressed directories, optionally a leaf directory.</summary>
public static class PMTilesArchive
{
    public static string Create(IEnumerable<(int Z, int X, int Y, byte[] Data)> tiles, bool leaf = false, byte tileType = 2)
    {
        var sorted = tiles.Select(t => (Id: PMTiles.TileId(t.Z, t.X, t.Y), t.Data)).OrderBy(t => t.Id).ToList();
        var data = new MemoryStream();
        var entries = new List<PMTiles.Entry>();
        foreach (var (id, bytes) in sorted)
        {
            entries.Add(new PMTiles.Entry(id, (ulong)data.Length, (uint)bytes.Length, 1));
            data.Write(bytes);
        }
        var leafBytes = leaf ? Gzip(Directory(entries)) : [];
        var root = Gzip(Directory(leaf ? [new PMTiles.Entry(entries[0].TileId, 0, (uint)leafBytes.Length, 0)] : entries));
        var header = new byte[PMTiles.HeaderLength];
        "PMTiles"u8.CopyTo(header);
        header[7] = 3;
        void U64(int at, ulong v) => BitConverter.TryWriteBytes(header.AsSpan(at, 8), v);
        U64(8, PMTiles.HeaderLength);
        U64(16, (ulong)root.Length);
        U64(40, (ulong)(PMTiles.HeaderLength + root.Length));
        U64(48, (ulong)leafBytes.Length);
        U64(56, (ulong)(PMTiles.HeaderLength + root.Length + leafBytes.Length));
        U64(64, (ulong)data.Length);
        header[97] = 2; // internal compression: gzip
        header[98] = 1; // tiles: not compressed
        header[99] = tileType;
        header[100] = 0;
        header[101] = 14;
        var path = Path.Combine(Path.GetTempPath(), $"eldercare-tiles-{Guid.NewGuid():N}.pmtiles");
        using var file = File.Create(path);
        file.Write(header);
        file.Write(root);
        file.Write(leafBytes);
        file.Write(data.ToArray());
        return path;
    }

    private static byte[] Directory(IReadOnlyList<PMTiles.Entry> entries)
    {
        var s = new MemoryStream();
        void Varint(ulong v)
        {
            while (v >= 0x80)
            {
                s.WriteByte((byte)(v | 0x80));
                v >>= 7;
            }
            s.WriteByte((byte)v);
        }
        Varint((ulong)entries.Count);
        ulong last = 0;
        foreach (var e in entries)
        {
            Varint(e.TileId - last);
            last = e.TileId;
        }
        foreach (var e in entries) Varint(e.RunLength);
        foreach (var e in entries) Varint(e.Length);
        foreach (var e in entries) Varint(e.Offset + 1);
        return s.ToArray();
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
        return buffer.ToArray();
    }
}

public class PMTilesTests
{
    [Theory] // the PMTiles v3 spec's numbering: zooms in order, each along its Hilbert curve
    [InlineData(0, 0, 0, 0UL)]
    [InlineData(1, 0, 0, 1UL)]
    [InlineData(1, 0, 1, 2UL)]
    [InlineData(1, 1, 1, 3UL)]
    [InlineData(1, 1, 0, 4UL)]
    [InlineData(2, 0, 0, 5UL)]
    [InlineData(3, 0, 0, 21UL)]
    [InlineData(3, 7, 0, 84UL)]
    public void Tile_ids_follow_the_hilbert_curve_zoom_by_zoom(int z, int x, int y, ulong id) => Assert.Equal(id, PMTiles.TileId(z, x, y));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_installed_pmtiles_archive_serves_its_tiles_through_the_root_or_a_leaf_directory(bool leaf)
    {
        byte[] other = [1, 2, 3];
        var file = PMTilesArchive.Create([(0, 0, 0, TilePackage.Png), (1, 1, 0, other), (5, 3, 7, other)], leaf);
        var tiles = new MapTiles(new MapOptions { TilesFile = file }, NullLogger<MapTiles>.Instance);
        Assert.True(tiles.Installed);
        var tile = await tiles.GetAsync(0, 0, 0, default);
        Assert.Equal(TilePackage.Png, tile!.Data);
        Assert.Equal(("image/png", (string?)null), (tile.ContentType, tile.ContentEncoding));
        Assert.Equal(other, (await tiles.GetAsync(1, 1, 0, default))!.Data);
        Assert.Equal(other, (await tiles.GetAsync(5, 3, 7, default))!.Data);
        Assert.Null(await tiles.GetAsync(1, 0, 0, default));
        Assert.Null(await tiles.GetAsync(20, 0, 0, default)); // past the archive's zoom levels
    }

    [Fact]
    public void A_file_that_is_no_pmtiles_archive_leaves_the_tile_url_and_never_throws()
    {
        var path = Path.Combine(Path.GetTempPath(), $"eldercare-tiles-{Guid.NewGuid():N}.pmtiles");
        File.WriteAllBytes(path, new byte[200]);
        var tiles = new MapTiles(new MapOptions { TilesFile = path, TileUrl = "https://tiles.example/{z}/{x}/{y}.png" },
            NullLogger<MapTiles>.Instance);
        Assert.False(tiles.Installed);
        Assert.Equal("https://tiles.example/{z}/{x}/{y}.png", tiles.Url);
    }
}
