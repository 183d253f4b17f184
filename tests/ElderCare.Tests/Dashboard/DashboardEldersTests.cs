using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Dashboard;

public class DashboardEldersTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_dashboard_counts_registered_elders_by_age_band_and_priority_in_the_users_scope()
    {
        foreach (var (id, region, living) in new[]
                 {
                     ("500153194001010038", Make.Changyuan, "alone"), // 80+ living alone: a priority elder
                     ("500153195806060010", Make.Changyuan, "with-family"),
                     ("500153194606060038", Make.Panlong, "with-family"), // 80+ with family: 高龄 on its own (ADR 0018)
                 })
        {
            await app.Staff.NewElder(Make.Elder(name: "统计对象", idNumber: id, regionCode: region, living: living));
        }

        var district = await app.Staff.GetStringAsync("/");
        Assert.Contains("老年人情况", district);
        Assert.Matches(@"登记老年人</h4>\s*<p class=""kpi__value"">3</p>", district);
        Assert.Contains("60–69岁 1 · 70–79岁 0 · 80岁以上 2", district, StringComparison.Ordinal);
        Assert.Matches(@"重点老年人已评估</h4>\s*<p class=""kpi__value"">0 / 2</p>", district);

        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        Assert.Matches(@"登记老年人</h4>\s*<p class=""kpi__value"">1</p>", await officer.GetStringAsync("/"));
    }
}
