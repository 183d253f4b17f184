namespace ElderCare.BrowserTests.Pages;

/// <summary>建设规划 (/plan): the plan table, the Excel export link and the import form.</summary>
public sealed class PlanPage(IPage page, string baseUrl)
{
    public IPage Page => page;

    public async Task OpenAsync() => await page.GotoAsync(baseUrl + "/plan");

    public ILocator ExportLink => page.GetByRole(AriaRole.Link, new() { Name = "导出规划（Excel）" });
    public ILocator File => page.GetByLabel("规划文件（.xlsx）");
    public ILocator Confirm => page.GetByRole(AriaRole.Checkbox, new() { Name = "确认用文件内容覆盖现有规划" });
    public ILocator Import => page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true });
    public ILocator Flash => page.GetByRole(AriaRole.Status);
    public ILocator ImportErrors => page.GetByRole(AriaRole.Table, new() { Name = "导入错误" });
    public ILocator PlanTable => page.GetByRole(AriaRole.Table, new() { Name = "各镇街养老服务设施建设规划" });

    public async Task<IDownload> ExportAsync() => await page.RunAndWaitForDownloadAsync(() => ExportLink.ClickAsync());

    public async Task ImportAsync(string fileName, byte[] xlsx, bool confirm = true)
    {
        await File.SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = xlsx,
        });
        if (confirm) await Confirm.CheckAsync();
        await Import.ClickAsync();
    }
}
