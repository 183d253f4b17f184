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

    [Fact]
    public async Task A_town_officer_sees_their_unit_and_its_goals_and_a_goal_without_data_reads_missing_not_failed()
    {
        var officer = await (await app.ClientAs(Role.TownOfficer, region: Make.Changyuan)).Page("/");
        Assert.Contains("昌元街道养老服务全覆盖概览", officer.Text, StringComparison.Ordinal);
        Assert.Contains("街道养老服务中心覆盖率", officer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("镇养老服务中心覆盖率", officer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("村级互助养老点覆盖率", officer.Text, StringComparison.Ordinal);

        // No facility operates in the seeded district: the share run by social operators has nothing to divide.
        var district = await app.Staff.GetStringAsync("/");
        Assert.Contains("6个街道、15个镇", district, StringComparison.Ordinal);
        Assert.Matches(@"aria-label=""城市养老服务设施社会化运营率""\s+data-status=""no-data"">(?:(?!</article>).)*数据缺失", district.Replace("\n", " "));
        Assert.Contains("<th scope=\"row\">2023年</th>", district, StringComparison.Ordinal); // the years run on without a gap
    }
}
