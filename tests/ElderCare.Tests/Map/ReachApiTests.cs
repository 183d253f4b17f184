using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Map;

namespace ElderCare.Tests.Map;

/// <summary>二(四) the 15-minute circle through GET /api/map/reach, on a database of its own so the counts are these tests'.</summary>
public class ReachApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const double MetersPerDegree = 111_195;

    private static double North(double meters) => Make.HomeLat + meters / MetersPerDegree;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFactory, Task> Done = [];

    /// <summary>The facilities and elders below, created once per app (xunit makes a new instance of the class per test).</summary>
    private Task Arranged() => Done.GetValue(app, _ => Arrange());

    private async Task Arrange()
    {
        var staff = app.Staff;
        // An operating street centre up to standard at the home position, and one below it (80 ㎡) 3 km north.
        (await staff.PostJson("/api/facilities", Make.Facility(name: $"昌元中心{Make.Serial()}"))).EnsureSuccessStatusCode();
        var small = Make.Facility(name: $"峰高小站{Make.Serial()}", regionCode: Make.Fenggao, floorArea: 80);
        (await staff.PostJson("/api/facilities", small with { Location = new(North(3000), Make.HomeLng) })).EnsureSuccessStatusCode();
        // 昌元: 400 m north (520 m walk: inside), 1 km north (1,300 m: outside), a priority elder (高龄) 500 m north (inside),
        // a priority elder 3 km north, beside the centre below standard (outside). 峰高: one elder without a recorded home.
        foreach (var (meters, born, living) in new[]
                 {
                     (400.0, "19600101", "with-family"), (1000.0, "19600101", "with-family"), (500.0, "19400101", "with-family"),
                     (3000.0, "19400101", "with-family"),
                 })
            (await staff.PostJson("/api/elders", Make.Elder(born: born, living: living, lat: North(meters)))).EnsureSuccessStatusCode();
        (await staff.PostJson("/api/elders", Make.Elder(regionCode: Make.Fenggao, born: "19600101", living: "with-family")))
            .EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Elders_within_a_15_minute_walk_of_a_facility_up_to_standard_are_counted_per_unit_with_the_priority_elders_apart()
    {
        await Arranged();
        var report = await (await app.Staff.GetAsync("/api/map/reach")).Read<ReachReport>();
        Assert.Equal((720, 0.8, 1.3), (report.CircleMeters, report.WalkingMetersPerSecond, report.DetourFactor));
        Assert.Equal(1, report.Facilities); // the one below the 附件1 standard does not count
        Assert.Equal(1, report.EldersWithoutLocation);
        Assert.Equal(new ReachFigures(4, 2, 2, 1), report.Total);
        Assert.Equal(0.5, report.Total.PriorityShare);
        var changyuan = report.Units.Single(u => u.RegionCode == Make.Changyuan);
        Assert.Equal(("昌元街道", new ReachFigures(4, 2, 2, 1)), (changyuan.Name, changyuan.Figures));
        // The elders outside every circle, grouped in 720 m squares: the priority elder's square first.
        Assert.Equal([(1, 1), (1, 0)], report.Gaps.Select(g => (g.Elders, g.Priority)));
        Assert.Equal(North(3000), report.Gaps[0].Lat, 4);
    }

    [Fact]
    public async Task One_new_site_goes_where_the_priority_elder_outside_every_circle_lives_and_the_what_if_counts_them_in()
    {
        await Arranged();
        var one = await (await app.Staff.GetAsync("/api/map/site-suggestions?sites=1")).Read<SiteSuggestion>();
        Assert.Equal((2, "SCIP", true), (one.Candidates, one.Solver, one.Optimal)); // two squares outside every circle
        var site = Assert.Single(one.Chosen);
        Assert.Equal((1, 1), (site.Elders, site.Priority));
        Assert.Equal(North(3000), site.Lat, 4);
        Assert.Equal((3L, 3L, 3L), (one.Reached, one.GreedyReached, one.Bound)); // a priority elder weighs 3
        Assert.Equal(new ReachFigures(4, 2, 2, 1), one.Before);
        Assert.Equal(new ReachFigures(4, 3, 2, 2), one.After);
        var two = await (await app.Staff.GetAsync("/api/map/site-suggestions?sites=2")).Read<SiteSuggestion>();
        Assert.Equal(new ReachFigures(4, 4, 2, 2), two.After);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?sites=0")]
    [InlineData("?sites=51")]
    public async Task The_number_of_sites_is_required_and_bounded(string query)
    {
        Assert.Contains("站点数", await (await app.Staff.GetAsync("/api/map/site-suggestions" + query)).AssertFieldError("sites"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_town_officer_sees_the_elders_of_their_own_street_or_town_only()
    {
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Fenggao);
        var report = await (await officer.GetAsync("/api/map/reach")).Read<ReachReport>();
        Assert.DoesNotContain(report.Units, u => u.RegionCode == Make.Changyuan);
        Assert.Equal(0, report.Total.Elders);
    }

    [Fact]
    public async Task A_bad_date_is_refused_naming_the_field()
    {
        Assert.Contains("日期", await (await app.Staff.GetAsync("/api/map/reach?asOf=2026-13-01")).AssertFieldError("asOf"),
            StringComparison.Ordinal);
    }
}
