using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.BrowserTests;

/// <summary>
/// Home services on a phone-sized screen: district staff raise an order with the subsidy preview and confirm the dispatch
/// suggestion; the caregiver checks in and out with the phone's position and the elder's code; the visit is verified —
/// or, checked in 2 km away, flagged with the reason.
/// </summary>
public sealed partial class ServiceOrderTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    private const int PhoneWidth = 390, PhoneHeight = 844;
    private const double HomeLat = HomeVisit.Lat, HomeLng = HomeVisit.Lng;

    private sealed record World(Guid Elder, string ElderName, Guid Item, string WorkerName, TestUser Caregiver);

    /// <summary>A station, a caregiver and an elder living alone at a known spot (<see cref="HomeVisit"/>).</summary>
    private async Task<World> Arrange(string elderName, string workerName)
    {
        var v = await HomeVisit.ArrangeAsync(app, elderName, workerName, "13900003333", "ZL-01");
        return new World(v.Elder, elderName, v.Item, workerName, v.Caregiver);
    }

    private DateTime ChinaNow => app.Clock.ChinaNow;

    /// <summary>Staff raise the order on the phone-sized form (window started a minute ago), check the subsidy, confirm the suggestion.</summary>
    private async Task<(IPage Staff, string OrderUrl)> RaiseAndAssign(World w)
    {
        var staff = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff, displayName: "区民政局 王芳"), PhoneWidth,
            PhoneHeight);
        var form = new NewOrderPage(staff, app.BaseUrl);
        await form.OpenForAsync(w.Elder);
        var start = ChinaNow.AddMinutes(-1);
        await form.Item.SelectOptionAsync(w.Item.ToString());
        await form.Date.FillAsync(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.Start.FillAsync(start.ToString("HH:mm", CultureInfo.InvariantCulture));
        await form.End.FillAsync(start.AddMinutes(60) > start.Date.AddDays(1).AddMinutes(-1) ? "23:59" : start.AddMinutes(60)
            .ToString("HH:mm", CultureInfo.InvariantCulture));
        await form.Preview.ClickAsync();
        // 高龄独居: 陪伴聊天 is bought by the government for every priority group, 30 元 within the 60 元 monthly allowance.
        await Expect(form.SubsidyPreview).ToContainTextAsync("政府补贴 30.00 元，老年人自付 0.00 元");
        await form.Order.ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex("/orders/[0-9a-f-]{36}$"));
        var details = new OrderDetailsPage(staff);
        await Expect(details.Status).ToHaveTextAsync("待派单");
        await details.Suggestion(w.WorkerName).CheckAsync(); // suggested (qualified, free, serves 昌元街道); another test's worker may be nearer
        await details.Assign.ClickAsync();
        await Expect(details.Status).ToHaveTextAsync("已派单");
        return (staff, staff.Url);
    }

    private async Task<IPage> CaregiverAt(World w, double lat, double lng)
    {
        var page = await chromium.NewPageAsync(PhoneWidth, PhoneHeight);
        await page.Context.GrantPermissionsAsync(["geolocation"], new() { Origin = app.BaseUrl });
        await page.Context.SetGeolocationAsync(new() { Latitude = (float)lat, Longitude = (float)lng, Accuracy = 10 });
        await page.SignInAsync(app, w.Caregiver);
        return page;
    }

    private static async Task CheckInWithThePhone(CaregiverPages phone, double lat)
    {
        await Expect(phone.Latitude).ToHaveValueAsync(new Regex("^" + Regex.Escape(lat.ToString("0.00", CultureInfo.InvariantCulture))));
        await phone.CheckIn.ClickAsync();
        await Expect(phone.Status).ToHaveTextAsync("服务中");
    }

    private static async Task<string> CodeFor(IPage staff, string orderUrl)
    {
        await staff.GotoAsync(orderUrl);
        var code = await new OrderDetailsPage(staff).Code.TextContentAsync();
        Assert.Matches("^[0-9]{6}$", code);
        return code!;
    }

    [Fact]
    public async Task 手机上下单派单_护理员定位签到_老人报确认码_签退后核验通过()
    {
        var w = await Arrange("陈玉兰", "刘助老");
        var (staff, orderUrl) = await RaiseAndAssign(w);

        var caregiver = await CaregiverAt(w, HomeLat + 0.0001, HomeLng);
        await Expect(caregiver).ToHaveURLAsync(new Regex("/caregiver$")); // a caregiver starts on today's visits
        var phone = new CaregiverPages(caregiver, app.BaseUrl);
        await phone.Start(w.ElderName).ClickAsync();
        await Expect(phone.Navigate).ToHaveAttributeAsync("href", new Regex("^geo:29\\.4048,105\\.5942"));
        await CheckInWithThePhone(phone, HomeLat);

        await phone.Code.FillAsync(await CodeFor(staff, orderUrl));
        await phone.Confirm.ClickAsync();
        await Expect(caregiver.GetByText("老人或家属已确认。").Last).ToBeVisibleAsync();
        await phone.Notes.FillAsync("陪老人聊天，情绪稳定");
        await phone.CheckOut.ClickAsync();
        await Expect(phone.Verification).ToHaveTextAsync("核验通过");

        await staff.GotoAsync(orderUrl);
        var details = new OrderDetailsPage(staff);
        await Expect(details.Status).ToHaveTextAsync("已完成");
        await Expect(details.Verification).ToHaveTextAsync("核验通过");
        await Expect(details.Timeline).ToContainTextAsync("待派单");
        await Expect(details.Timeline).ToContainTextAsync("已派单");
        await Expect(details.Timeline).ToContainTextAsync(w.Caregiver.UserName);
        await Expect(details.Flags).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task 护理员在2公里外签到_工单存疑并写明原因()
    {
        var w = await Arrange("黄桂芳", "赵护理");
        var (staff, orderUrl) = await RaiseAndAssign(w);

        var farLat = HomeLat + 0.018; // ≈ 2 km north
        var caregiver = await CaregiverAt(w, farLat, HomeLng);
        var phone = new CaregiverPages(caregiver, app.BaseUrl);
        await phone.OpenTodayAsync();
        await phone.Start(w.ElderName).ClickAsync();
        await CheckInWithThePhone(phone, farLat);
        await phone.Code.FillAsync(await CodeFor(staff, orderUrl));
        await phone.Confirm.ClickAsync();
        await phone.CheckOut.ClickAsync();
        await Expect(phone.Verification).ToHaveTextAsync("存疑");
        await Expect(phone.Flags).ToContainTextAsync("签到位置不在住址范围内");

        await staff.GotoAsync(orderUrl);
        var details = new OrderDetailsPage(staff);
        await Expect(details.Verification).ToHaveTextAsync("存疑");
        await Expect(details.Flags).ToContainTextAsync("签到位置距住址 2.0 公里，超出 50 米范围");
    }

    [Fact]
    public async Task 区民政局把养老服务站登记为服务机构_无需脚本()
    {
        var facility = await app.FacilityAsync("海棠社区养老服务站", FacilityType.CommunityStation, "500153001");
        var staff = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff), PhoneWidth, PhoneHeight, javaScript: false);
        await staff.GotoAsync($"{app.BaseUrl}/providers");
        await staff.GetByLabel("已登记的设施").SelectOptionAsync(facility.Id.ToString());
        await staff.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("已登记服务机构 海棠社区养老服务站");
        await staff.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync(); // nothing chosen: the organisation's fields are named
        await Expect(staff.Locator("#name-error, #unitCode-error").First).ToBeVisibleAsync();
    }
}
