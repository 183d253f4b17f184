using System.Text.RegularExpressions;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.BrowserTests;

/// <summary>
/// The officer finds the elder by name on the order form, raises the order, sees on the order page that nobody qualifies and
/// why (rule by rule, worker by worker), and assigns a worker by 人工指定 with a reason: the order is flagged.
/// </summary>
public sealed class DispatchOverrideTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    [Fact]
    public async Task 按姓名找到老人下单_无人符合时看到原因_填写理由人工指定后工单标记()
    {
        var facility = await app.FacilityAsync("昌元跨区服务站", FacilityType.CommunityStation, "500153001");
        await app.ElderAsync("龙凤英", Make.IdNumber(), "500153009", LivingArrangement.Alone); // 盘龙镇
        var (providerId, _) = await app.ProviderWithHelperAsync(facility.Id, "周跨区", "13900005555", "ZL-09", ["500153001"]);
        Guid itemId;
        await using (var scope = app.Services.CreateAsyncScope())
            itemId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceItems.Where(i => i.Code == "companionship")
                .Select(i => i.Id).FirstAsync();
        var staff = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff, displayName: "区民政局 李明"));
        await staff.GotoAsync($"{app.BaseUrl}/orders/new");
        await staff.GetByLabel("老年人（姓名或身份证号）").FillAsync("龙凤英");
        await staff.GetByRole(AriaRole.Button, new() { Name = "查找老年人" }).ClickAsync();
        var choice = staff.GetByTestId("elder-choices").GetByRole(AriaRole.Radio);
        await Expect(choice).ToBeCheckedAsync(); // one found: chosen
        await Expect(staff.GetByTestId("elder-choices")).ToContainTextAsync("********");
        await staff.GetByLabel("服务项目").SelectOptionAsync(itemId.ToString());
        await staff.GetByLabel("承接机构（可不选，由派单确定）").SelectOptionAsync(providerId.ToString());
        await staff.GetByRole(AriaRole.Button, new() { Name = "下单" }).ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex("/orders/[0-9a-f-]{36}$"));

        await Expect(staff.GetByTestId("no-suggestion")).ToContainTextAsync("没有符合派单规则的服务人员");
        await Expect(staff.GetByTestId("rule-counts")).ToContainTextAsync("服务区域：1 人不符合");
        await Expect(staff.GetByTestId("excluded")).ToContainTextAsync("周跨区");
        await Expect(staff.GetByTestId("excluded")).ToBeVisibleAsync(); // open, not a collapsed list
        await staff.GetByLabel("服务人员", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "周跨区（不服务该区域）" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "人工指定派单" }).ClickAsync();
        await Expect(staff.Locator("#overrideReason-error")).ToContainTextAsync("人工指定理由");
        await staff.GetByLabel("服务人员", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "周跨区（不服务该区域）" });
        await staff.GetByLabel("人工指定理由").FillAsync("老人家属指定，盘龙镇暂无助老员");
        await staff.GetByRole(AriaRole.Button, new() { Name = "人工指定派单" }).ClickAsync();
        await Expect(staff.GetByTestId("order-status")).ToHaveTextAsync("已派单");
        await Expect(staff.GetByTestId("override-badge")).ToHaveTextAsync("人工指定");
        await Expect(staff.GetByTestId("override")).ToContainTextAsync("理由：老人家属指定，盘龙镇暂无助老员");
        await staff.GotoAsync($"{app.BaseUrl}/orders?status=assigned");
        await Expect(staff.Locator("tr", new() { HasText = "龙凤英" }).Locator(".badge", new() { HasText = "人工指定" })).ToBeVisibleAsync();
    }
}
