using System.Text.RegularExpressions;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;

namespace ElderCare.BrowserTests;

public sealed class SecondaryAssessmentTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    [Fact]
    public async Task 特困老人_漏选Barthel一项时提示_补齐后为中度依赖_六项认定四项达不到为全护理_均显示在老人页()
    {
        var elder = await app.ElderAsync("何桂芳", "500153194107070047", "500153001", LivingArrangement.Alone,
            categories: [ElderCategory.ExtremePoverty]);
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.Evaluator, displayName: "评估员 王芳"));
        await page.GotoAsync($"{app.BaseUrl}/elders/{elder.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "录入 Barthel 指数" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Barthel 指数评定", Exact = true })).ToBeVisibleAsync();

        // 55 points: 进食 10, 洗澡 0, 修饰 5, 穿衣 5, 大便 10, 小便 10, 如厕 5, 转移 10, 行走 0, 楼梯 0 (left out at first).
        (string Item, string Score)[] answers =
            [("进食", "10"), ("洗澡", "0"), ("修饰", "5"), ("穿衣", "5"), ("大便控制", "10"), ("小便控制", "10"), ("如厕", "5"), ("床椅转移", "10"), ("平地行走", "0")];
        foreach (var (item, score) in answers)
            await page.GetByRole(AriaRole.Group, new() { Name = item }).GetByRole(AriaRole.Radio, new() { NameRegex = new Regex($"^{score} 分") })
                .CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("缺少该项评分");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "床椅转移" }).GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^10 分") }))
            .ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "上下楼梯" }).GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^0 分") }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Expect(page.GetByText("已录入Barthel 指数：中度依赖（55 分）。")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "特困生活自理能力认定" }).ClickAsync();
        foreach (var indicator in new[] { "自主吃饭", "自主穿衣", "自主上下床", "自主洗澡" })
            await page.GetByLabel(indicator).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Expect(page.GetByText("已录入特困人员生活自理能力：完全丧失生活自理能力（全护理）。")).ToBeVisibleAsync();

        var records = page.GetByRole(AriaRole.Table, new() { Name = "Barthel 指数与生活自理能力记录" });
        await Expect(records).ToContainTextAsync("中度依赖");
        await Expect(records).ToContainTextAsync("全护理");
        await Expect(records).ToContainTextAsync("评估员 王芳");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("未评估"); // the capability level is GB/T 42195's alone
    }
}
