using System.IO.Compression;
using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Map;
using Microsoft.Extensions.Logging.Abstractions;

namespace ElderCare.Tests.Map;

/// <summary>The app with a base-map package installed (Map:TilesFile): one tile at zoom 1, the north-east one.</summary>
public sealed class TiledApp : AppFactory
{
    public static readonly string File = TilePackage.Create("png", [(1, 1, 0, TilePackage.Png)]);

    public TiledApp() => Settings["Map:TilesFile"] = File;
}

public class MapTilesTests(TiledApp app) : IClassFixture<TiledApp>
{
    [Fact]
    public async Task The_installed_package_serves_its_tiles_to_anyone_counting_rows_from_the_north_and_cached_a_day()
    {
        var response = await app.CreateClient().GetAsync("/api/map/tiles/1/1/0");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TilePackage.Png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl?.MaxAge);
        // Leaflet templates often end in ".png".
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/api/map/tiles/1/1/0.png")).StatusCode);
    }

    [Fact]
    public async Task A_tile_the_package_does_not_have_is_no_content()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await app.CreateClient().GetAsync("/api/map/tiles/1/1/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await app.CreateClient().GetAsync("/api/map/tiles/5/3/3")).StatusCode);
    }

    [Theory]
    [InlineData("23/0/0", "z")]
    [InlineData("1/2/0", "x")]
    [InlineData("1/0/2", "y")]
    [InlineData("1/-1/0", "x")]
    [InlineData("a/0/0", "z")]
    [InlineData("0/0/0x1", "y")]
    public async Task Coordinates_outside_the_zoom_level_are_refused_naming_the_coordinate(string path, string field)
    {
        var response = await app.CreateClient().GetAsync("/api/map/tiles/" + path);
        Assert.Contains("瓦片坐标", await response.AssertFieldError(field), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vector_package_serves_gzip_compressed_tiles_as_they_are_stored()
    {
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write("mvt"u8);
        var tiles = new MapTiles(new MapOptions { TilesFile = TilePackage.Create("pbf", [(0, 0, 0, buffer.ToArray())]) },
            NullLogger<MapTiles>.Instance);
        var tile = await tiles.GetAsync(0, 0, 0, default);
        Assert.Equal(("application/vnd.mapbox-vector-tile", "gzip"), (tile!.ContentType, tile.ContentEncoding));
        Assert.Equal(MapTiles.Route, tiles.Url);
    }

    [Fact]
    public void Without_a_readable_package_the_pages_use_the_tile_url_and_without_one_a_plain_grid()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"eldercare-no-such-{Guid.NewGuid():N}.mbtiles");
        var notTiles = Path.GetTempFileName();
        System.IO.File.WriteAllText(notTiles, "不是瓦片包");
        const string url = "https://tiles.example.gov.cn/{z}/{x}/{y}.png";
        Assert.Equal(url, new MapTiles(new MapOptions { TilesFile = missing, TileUrl = url }, NullLogger<MapTiles>.Instance).Url);
        Assert.Equal(url, new MapTiles(new MapOptions { TilesFile = notTiles, TileUrl = url }, NullLogger<MapTiles>.Instance).Url);
        Assert.Null(new MapTiles(new MapOptions { TilesFile = missing }, NullLogger<MapTiles>.Instance).Url);
        Assert.False(new MapTiles(new MapOptions(), NullLogger<MapTiles>.Instance).Installed);
    }
}
