using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Map;
using Microsoft.Extensions.Logging.Abstractions;
using OsmSharp;
using OsmSharp.Streams;
using OsmSharp.Tags;

namespace ElderCare.Tests.Map;

/// <summary>A tiny OpenStreetMap extract written by the tests with OsmSharp's PBF writer.</summary>
public static class OsmExtract
{
    public const double MetersPerDegree = 111_195;

    public static double North(double meters) => Make.HomeLat + meters / MetersPerDegree;

    public static double East(double meters) => Make.HomeLng + meters / (MetersPerDegree * Math.Cos(Make.HomeLat * Math.PI / 180));

    /// <summary>
    /// A river runs east–west 150 m north of the home position. The facility's bank (A, at the home position) and the
    /// far bank (B, 300 m north) are joined by a residential street over the bridge 600 m east: A → 600 m east → 300 m
    /// north → 600 m west → B, a 1,500 m walk for 300 m of straight line. A motorway crosses straight from A to B, and a
    /// footway with foot=no and a private service road cross too: none of them is walkable.
    /// </summary>
    public static byte[] River()
    {
        var nodes = new (long Id, double Lat, double Lng)[]
        {
            (1, North(0), East(0)), (2, North(0), East(600)), (3, North(300), East(600)), (4, North(300), East(0)),
            (5, North(0), East(-1)), (6, North(300), East(-1)), (7, North(0), East(1)), (8, North(300), East(1)),
        };
        return Write(nodes, [
            (10, [1, 2, 3, 4], [new Tag("highway", "residential"), new Tag("name", "滨江路")]),
            (11, [1, 4], [new Tag("highway", "motorway")]),
            (12, [5, 6], [new Tag("highway", "footway"), new Tag("foot", "no")]),
            (13, [7, 8], [new Tag("highway", "service"), new Tag("access", "private")]),
        ]);
    }

    public static byte[] Write(IEnumerable<(long Id, double Lat, double Lng)> nodes, IEnumerable<(long Id, long[] Nodes, Tag[] Tags)> ways)
    {
        using var buffer = new MemoryStream();
        var target = new PBFOsmStreamTarget(buffer, compress: false);
        target.Initialize();
        var stamp = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var (id, lat, lng) in nodes)
            target.AddNode(new Node
            {
                Id = id, Latitude = lat, Longitude = lng, Version = 1, ChangeSetId = 1, TimeStamp = stamp, UserId = 1, UserName = "test",
                Visible = true, Tags = new TagsCollection(),
            });
        foreach (var (id, members, tags) in ways)
            target.AddWay(new Way
            {
                Id = id, Nodes = members, Version = 1, ChangeSetId = 1, TimeStamp = stamp, UserId = 1, UserName = "test", Visible = true,
                Tags = new TagsCollection(tags),
            });
        target.Flush();
        target.Close();
        return buffer.ToArray();
    }

    public static string File(byte[] pbf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"eldercare-roads-{Guid.NewGuid():N}.osm.pbf");
        System.IO.File.WriteAllBytes(path, pbf);
        return path;
    }
}

public class OsmRoadsTests
{
    private static RoadNetwork River() => OsmRoads.Read(() => new MemoryStream(OsmExtract.River()));

    [Fact]
    public void Over_the_roads_the_walk_goes_round_by_the_bridge_not_straight_across_the_river()
    {
        var network = River();
        Assert.Equal(4, network.Latitudes.Count); // the nodes of the walkable street only
        Assert.Equal(3, network.EdgeCount);
        var walks = Reach.Walks([OsmExtract.North(300)], [OsmExtract.East(0)], [OsmExtract.North(0)], [OsmExtract.East(0)], network);
        Assert.Equal(1500, walks[0], 0);
        // The straight line × 1.3 would put the far bank inside the circle (390 m); the roads put it outside (1,500 m > 720 m).
        Assert.True(WalkingRule.Default.InCircle(WalkingRule.Default.WalkFromStraight(300)));
        Assert.False(WalkingRule.Default.InCircle(walks[0]));
    }

    [Theory] // 二(四) walks on ways an elder may use: not a motorway or trunk, not foot=no, not private without foot access
    [InlineData("footway", null, null, true)]
    [InlineData("steps", null, null, true)]
    [InlineData("living_street", null, null, true)]
    [InlineData("residential", null, null, true)]
    [InlineData("primary", null, null, true)]
    [InlineData("track", null, null, true)]
    [InlineData("motorway", null, null, false)]
    [InlineData("motorway_link", null, null, false)]
    [InlineData("trunk", null, null, false)]
    [InlineData("footway", "no", null, false)]
    [InlineData("service", null, "private", false)]
    [InlineData("service", "yes", "private", true)]
    [InlineData("cycleway", null, null, false)]
    [InlineData("cycleway", "designated", null, true)]
    [InlineData("construction", null, null, false)]
    public void A_way_is_walkable_by_its_highway_and_foot_access(string highway, string? foot, string? access, bool walkable)
    {
        var tags = new Dictionary<string, string?> { ["highway"] = highway, ["foot"] = foot, ["access"] = access };
        Assert.Equal(walkable, OsmRoads.IsWalkable(k => tags.GetValueOrDefault(k)));
    }

    [Fact]
    public void A_missing_or_damaged_file_leaves_the_straight_line_and_never_throws()
    {
        Assert.Null(new OsmRoads(Path.Combine(Path.GetTempPath(), "eldercare-no-such-roads.osm.pbf"), NullLogger.Instance).Network);
        Assert.Null(new OsmRoads(OsmExtract.File("not a pbf file at all"u8.ToArray()), NullLogger.Instance).Network);
        Assert.Null(new OsmRoads(null, NullLogger.Instance).Network);
        Assert.Equal(OsmRoads.StraightLine, OsmRoads.Method(null));
    }
}

/// <summary>The app with the river extract installed as Map:RoadsFile.</summary>
public sealed class RoadsApp : AppFactory
{
    public static readonly string File = OsmExtract.File(OsmExtract.River());

    public RoadsApp() => Settings["Map:RoadsFile"] = File;
}

public class OsmRoadsApiTests(RoadsApp app) : IClassFixture<RoadsApp>
{
    [Fact]
    public async Task With_a_road_network_installed_the_circle_follows_the_roads_and_says_so()
    {
        (await app.Staff.PostJson("/api/facilities", Make.Facility(name: $"滨江中心{Make.Serial()}"))).EnsureSuccessStatusCode();
        // 300 m north across the river: 390 m by the straight line × 1.3, 1,500 m by the bridge.
        (await app.Staff.PostJson("/api/elders", Make.Elder(born: "19400101", living: "with-family", lat: OsmExtract.North(300))))
            .EnsureSuccessStatusCode();
        var report = await (await app.Staff.GetAsync("/api/map/reach")).Read<ReachReport>();
        Assert.Equal("按路网", report.Method);
        Assert.Equal(new ReachFigures(1, 0, 1, 0), report.Total);

        var response = await app.Staff.GetAsync("/api/map/site-suggestions?sites=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var suggestion = await response.Read<SiteSuggestion>();
        Assert.Equal("按路网", suggestion.Method);
        Assert.Equal(new ReachFigures(1, 1, 1, 1), suggestion.After); // a station on the far bank brings the elder in
    }
}
