using ElderCare.Web.Features.Access;
using MiniExcelLibs;
using T = ElderCare.Web.Features.Facilities.FacilityImportTemplate;

namespace ElderCare.BrowserTests;

/// <summary>A district loads its existing village points from a spreadsheet and sees coverage change.</summary>
public sealed class FacilityImportTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    private static Dictionary<string, object?> Point(string code, string name) => new()
    {
        [T.Code] = code, [T.Type] = "村级互助养老点", [T.Name] = name, [T.RegionCode] = "500153009", [T.Address] = "荣昌区盘龙镇",
        [T.Lat] = "29.3", [T.Lng] = "105.4", [T.FloorArea] = "60", [T.Beds] = "0", [T.NursingBeds] = "0",
        [T.OpenedOn] = "2019-06-01", [T.OperatorName] = "盘龙镇养老服务中心", [T.OperationMode] = "公办公营", [T.Status] = "运营",
    };

    private static byte[] Workbook(params Dictionary<string, object?>[] rows)
    {
        using var s = new MemoryStream();
        s.SaveAs(new Dictionary<string, object> { [T.DataSheet] = rows.ToList() });
        return s.ToArray();
    }

    [Fact]
    public async Task 导入盘龙镇两个运营中的村级互助养老点后_首页该镇村级点运营数由0变为2_再次导入为未变化()
    {
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff));
        var dashboard = new DashboardPage(page, app.BaseUrl);
        await dashboard.OpenAsync();
        var points = dashboard.CoverageCell("盘龙镇", "村级互助养老点");
        await Expect(points).ToContainTextAsync("运营 0 /");

        var import = new FacilityImportPage(page, app.BaseUrl);
        await import.OpenAsync();
        await Expect(import.TemplateLink).ToHaveAttributeAsync("href", "/api/facilities/import/template");
        var file = Workbook(Point("PL-CD-01", "岳林村互助养老点"), Point("PL-CD-02", "盘龙村互助养老点"));
        await import.UploadAsync("盘龙镇村级点.xlsx", file);
        await Expect(import.Summary).ToContainTextAsync("全部导入成功");
        await Expect(import.Count("新增")).ToHaveTextAsync("2");
        await Expect(import.ResultRow("PL-CD-01")).ToContainTextAsync("新增");

        await dashboard.OpenAsync();
        await Expect(points).ToContainTextAsync("运营 2 /");

        // The same file again: nothing changes, each row reads 未变化.
        await import.OpenAsync();
        await import.UploadAsync("盘龙镇村级点.xlsx", file);
        await Expect(import.Count("未变化")).ToHaveTextAsync("2");
        await Expect(import.ResultRow("PL-CD-02")).ToContainTextAsync("未变化");
        await dashboard.OpenAsync();
        await Expect(points).ToContainTextAsync("运营 2 /");
    }
}
