using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Plan;
using MiniExcelLibs;

namespace ElderCare.BrowserTests;

public sealed class PlanPageTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    [Fact]
    public async Task 导出链接下载Excel_导入有误的文件逐行列出错误_确认后原样导入成功()
    {
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff));
        var plan = new PlanPage(page, app.BaseUrl);
        await plan.OpenAsync();
        await Expect(plan.PlanTable).ToContainTextAsync("昌元街道");

        var download = await plan.ExportAsync();
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var exported = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("PK"u8.ToArray(), exported[..2]); // a zip, as every .xlsx is

        await plan.ImportAsync("规划-有误.xlsx", BadWorkbook());
        var errors = plan.ImportErrors;
        await Expect(errors.GetByRole(AriaRole.Row).Filter(new() { HasText = "附件2 街道和社区第2行" }))
            .ToContainTextAsync("镇街代码 500153999 不存在");
        await Expect(errors.GetByRole(AriaRole.Row).Filter(new() { HasText = "附件3 镇和村第2行" }))
            .ToContainTextAsync("应为不小于 0 的整数");
        await Expect(await plan.File.ErrorMessageAsync()).ToContainTextAsync("未做任何修改");

        // Overwriting the plan asks for a tick first.
        await plan.ImportAsync("规划.xlsx", exported, confirm: false);
        await Expect(await plan.Confirm.ErrorMessageAsync()).ToContainTextAsync("请勾选确认");
        await plan.ImportAsync("规划.xlsx", exported);
        await Expect(plan.Flash).ToContainTextAsync("导入成功");
        await Expect(plan.ImportErrors).ToHaveCountAsync(0);
    }

    /// <summary>One bad row per sheet: an unknown unit code, and a count that is not a number.</summary>
    private static byte[] BadWorkbook()
    {
        var sheets = new Dictionary<string, object>
        {
            [PlanSheets.Urban.Name] = new List<Dictionary<string, object?>>
            {
                new() { [PlanSheets.No] = 1, [PlanSheets.Unit] = "昌元街道", [PlanSheets.Code] = "500153999", ["街道养老服务中心现有数"] = 0 },
            },
            [PlanSheets.Rural.Name] = new List<Dictionary<string, object?>>
            {
                new() { [PlanSheets.No] = 1, [PlanSheets.Unit] = "荣隆镇", [PlanSheets.Code] = "500153007", ["镇养老服务中心现有数"] = "abc" },
            },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
