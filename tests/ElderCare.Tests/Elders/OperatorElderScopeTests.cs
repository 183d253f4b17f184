using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;

namespace ElderCare.Tests.Elders;

/// <summary>ADR 0013: an operator sees the elders it serves — its facilities' area, and elders it serves elsewhere.</summary>
public class OperatorElderScopeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Community = "500153006101", OtherCommunity = "500153006102"; // under 峰高街道
    private Task<Guid> Elder(string region) => app.Staff.NewElder(Make.Elder(name: "李桂兰", regionCode: region, categories: ["extreme-poverty"],
        born: "19410202", lat: 29.40, lng: 105.59, address: "荣昌区"));

    private async Task Region(string code, string name)
    {
        var r = await app.Staff.PostJson("/api/regions", new { code, name, kind = "community", parentCode = Make.Fenggao });
        Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await r.Content.ReadAsStringAsync());
    }

    private Task<Guid> Facility(FacilityInput input) => app.Staff.NewFacility(input);

    private Task<Guid> Provider(Guid facility) => app.Staff.Create("/api/providers", new { facilityId = facility });

    private Task<Guid> Item() => app.Staff.ServiceItem("bathing");

    private object OrderBody(Guid elder, Guid item, Guid provider)
    {
        var start = app.Clock.GetUtcNow().AddDays(1);
        return Make.ServiceOrder(elder, item, start, start.AddHours(1), provider);
    }

    [Fact]
    public async Task A_station_operator_sees_and_orders_for_the_elders_of_its_community_and_no_others()
    {
        await Region(Community, "测试甲社区");
        await Region(OtherCommunity, "测试乙社区");
        var station = await Facility(Make.Facility(name: "测试甲社区养老服务站", type: FacilityType.CommunityStation, regionCode: Community, floorArea: 300));
        var provider = await Provider(station);
        var mine = await Elder(Community);
        var nextDoor = await Elder(OtherCommunity);
        var town = await Elder(Make.Panlong);
        var op = await app.ClientAs(Role.Operator, facilities: [station]);

        (await op.GetAsync($"/api/elders/{mine}")).EnsureSuccessStatusCode();
        await (await op.GetAsync($"/api/elders/{nextDoor}")).AssertProblem(HttpStatusCode.NotFound);
        await (await op.GetAsync($"/api/elders/{town}")).AssertProblem(HttpStatusCode.NotFound);
        var listed = (await (await op.GetAsync("/api/elders?pageSize=100")).ReadJson()).GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([mine], listed);

        var item = await Item();
        var order = await op.PostJson("/api/orders", OrderBody(mine, item, provider));
        Assert.True(order.StatusCode == HttpStatusCode.Created, await order.Content.ReadAsStringAsync());
        Assert.Equal("station", (await order.ReadJson()).GetProperty("channel").GetString());
        await (await op.PostJson("/api/orders", OrderBody(town, item, provider))).AssertFieldError("elderId");
    }

    [Fact]
    public async Task A_centre_serves_its_whole_street_and_an_elder_elsewhere_once_it_has_an_order_for_them()
    {
        var centre = await Facility(Make.Facility(name: "峰高街道养老服务中心（范围）", regionCode: Make.Fenggao));
        var provider = await Provider(centre);
        var inStreet = await Elder(Make.Fenggao);
        var elsewhere = await Elder(Make.Panlong);
        var op = await app.ClientAs(Role.Operator, facilities: [centre]);
        (await op.GetAsync($"/api/elders/{inStreet}")).EnsureSuccessStatusCode();
        await (await op.GetAsync($"/api/elders/{elsewhere}")).AssertProblem(HttpStatusCode.NotFound);

        // The district sends the centre to an elder of 盘龙镇: from then on the centre serves that elder.
        var order = await app.Staff.PostJson("/api/orders", OrderBody(elsewhere, await Item(), provider));
        Assert.True(order.StatusCode == HttpStatusCode.Created, await order.Content.ReadAsStringAsync());
        (await op.GetAsync($"/api/elders/{elsewhere}")).EnsureSuccessStatusCode();
        (await op.GetAsync($"/elders/{elsewhere}")).EnsureSuccessStatusCode();

        // Another operator of 盘龙镇's neighbour sees neither.
        var other = await app.ClientAs(Role.Operator, facilities: [Guid.NewGuid()]);
        await (await other.GetAsync($"/api/elders/{elsewhere}")).AssertProblem(HttpStatusCode.NotFound);
    }
}
