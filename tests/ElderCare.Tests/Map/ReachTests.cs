using ElderCare.Web.Features.Map;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Tests.Map;

/// <summary>二(四) 一刻钟便捷养老服务圈: the walk to the nearest facility, by the straight line × detour or over a road network.</summary>
public class ReachTests
{
    // 荣昌区政府 (WGS-84), the origin of the small hand-made cases below.
    private const double Lat = 29.4050, Lng = 105.5940;
    private const double MetersPerDegreeLat = 6_371_008.8 * Math.PI / 180;

    private static double North(double meters) => Lat + meters / MetersPerDegreeLat;

    private static double East(double meters) => Lng + meters / (MetersPerDegreeLat * Math.Cos(Lat * Math.PI / 180));

    [Fact]
    public void An_elder_walks_0_8_m_per_s_so_the_15_minute_circle_is_720_m_or_554_m_in_a_straight_line()
    {
        var rule = WalkingRule.Default;
        Assert.Equal(720, rule.CircleMeters, 9);
        Assert.Equal(720 / 1.3, rule.CircleStraightMeters, 9);
        Assert.Equal(15, rule.Minutes(720), 9);
        Assert.True(rule.InCircle(720));
        Assert.False(rule.InCircle(720.5));
        Assert.Equal(130, rule.WalkFromStraight(100), 9);
    }

    [Fact]
    public void Without_a_road_network_the_walk_is_the_straight_line_times_the_detour_factor()
    {
        var facilities = new PointIndex([Lat], [Lng]);
        var walks = Reach.Walks([North(500), North(600)], [Lng, Lng], facilities, WalkingRule.Default);
        Assert.Equal(650, walks[0], 0); // 500 m × 1.3: inside the circle
        Assert.Equal(780, walks[1], 0); // 600 m × 1.3: outside
        Assert.True(WalkingRule.Default.InCircle(walks[0]));
        Assert.False(WalkingRule.Default.InCircle(walks[1]));
        var faster = new WalkingRule(MetersPerSecond: 1.0, DetourFactor: 1.2);
        Assert.Equal(720, Reach.Walks([North(600)], [Lng], facilities, faster)[0], 0);
    }

    [Fact]
    public void Nothing_within_the_limit_is_an_infinite_walk()
    {
        var walks = Reach.Walks([North(2000)], [Lng], new PointIndex([Lat], [Lng]), WalkingRule.Default, maxMeters: 720);
        Assert.True(double.IsPositiveInfinity(walks[0]));
        Assert.True(double.IsPositiveInfinity(Reach.Walks([Lat], [Lng], new PointIndex([], []), WalkingRule.Default)[0]));
    }

    [Fact]
    public void The_grid_index_answers_exactly_as_a_scan_of_every_point()
    {
        var random = new Random(20261203);
        var lat = Enumerable.Range(0, 3000).Select(_ => 29.2 + random.NextDouble() * 0.5).ToArray();
        var lng = Enumerable.Range(0, 3000).Select(_ => 105.3 + random.NextDouble() * 0.6).ToArray();
        var index = new PointIndex(lat, lng);
        for (var q = 0; q < 400; q++)
        {
            // Some queries fall outside the points' box, some exactly on a point.
            var (qLat, qLng) = q % 50 == 0 ? (lat[q], lng[q]) : (29.0 + random.NextDouble() * 0.9, 105.1 + random.NextDouble() * 1.0);
            var scan = Enumerable.Range(0, lat.Length).Select(i => (Id: i, Meters: Geo.DistanceMeters(qLat, qLng, lat[i], lng[i])))
                .OrderBy(p => p.Meters).ThenBy(p => p.Id).ToList();
            Assert.Equal(scan[0], index.Nearest(qLat, qLng));
            Assert.Equal(scan.Where(p => p.Meters <= 1500).Select(p => p.Id).Order(), index.Within(qLat, qLng, 1500).Select(p => p.Id).Order());
            Assert.Equal(scan[0].Meters <= 300 ? scan[0] : null, index.Nearest(qLat, qLng, 300));
        }
    }

    [Fact]
    public void Over_the_road_network_a_river_without_a_bridge_nearby_makes_a_near_facility_far()
    {
        // Home and facility 200 m apart across a river; the bridge is 1 km east: the walk is along the road, not across.
        //   home (0,0) — j0 ─── j1 (1000 m east) ── bridge ── j2 (1000 m east, 200 m north) ─── j3 (0, 200 m north) — facility
        double[] lat = [Lat, Lat, North(200), North(200)];
        double[] lng = [Lng, East(1000), East(1000), Lng];
        var network = new RoadNetwork(lat, lng, [(0, 1, null), (1, 2, null), (2, 3, null)]);
        var walk = Reach.Walks([Lat], [Lng], [North(200)], [Lng], network)[0];
        Assert.Equal(2200, walk, 0);
        Assert.False(WalkingRule.Default.InCircle(walk));
        // The straight-line estimate would have put it inside the circle: 200 m × 1.3 = 260 m.
        Assert.Equal(260, Reach.Walks([Lat], [Lng], new PointIndex([North(200)], [Lng]), WalkingRule.Default)[0], 0);
    }

    [Fact]
    public void The_walk_goes_to_the_nearest_of_several_facilities_and_counts_the_steps_to_and_from_the_road()
    {
        // A straight road of five junctions 100 m apart; ways given with their own lengths (a winding path is longer).
        double[] lat = [Lat, Lat, Lat, Lat, Lat];
        double[] lng = [Lng, East(100), East(200), East(300), East(400)];
        var network = new RoadNetwork(lat, lng, [(0, 1, 100), (1, 2, 100), (2, 3, 150), (3, 4, 100)]);
        // Facilities 20 m north of junction 0 and 10 m north of junction 4; the home 30 m south of junction 2.
        var walks = Reach.Walks([North(-30)], [East(200)], [North(20), North(10)], [Lng, East(400)], network);
        Assert.Equal(30 + 200 + 20, walks[0], 6); // west: 250 m; east: 30 + 150 + 100 + 10 = 290 m
        Assert.True(double.IsPositiveInfinity(Reach.Walks([North(-30)], [East(200)], [North(20)], [Lng], network, maxMeters: 240)[0]));
    }

    [Fact]
    public void A_home_on_a_road_not_joined_to_any_facility_has_no_walk()
    {
        double[] lat = [Lat, Lat, North(500), North(500)];
        double[] lng = [Lng, East(100), Lng, East(100)];
        var network = new RoadNetwork(lat, lng, [(0, 1, null), (2, 3, null)]);
        Assert.True(double.IsPositiveInfinity(Reach.Walks([North(500)], [East(50)], [Lat], [Lng], network)[0]));
    }

    [Fact]
    public void A_way_to_a_missing_junction_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RoadNetwork([Lat], [Lng], [(0, 1, null)]));
    }
}
