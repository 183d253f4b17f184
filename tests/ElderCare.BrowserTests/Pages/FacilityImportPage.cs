namespace ElderCare.BrowserTests.Pages;

/// <summary>批量导入设施 (/facilities/import): the upload form and the results.</summary>
public sealed class FacilityImportPage(IPage page, string baseUrl)
{
    public async Task OpenAsync() => await page.GotoAsync(baseUrl + "/facilities/import");

    public ILocator File => page.GetByLabel("设施表（.xlsx");
    public ILocator Import => page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true });
    public ILocator TemplateLink => page.GetByRole(AriaRole.Link, new() { Name = "下载导入模板" });
    public ILocator Summary => page.Locator("#import-result").GetByRole(AriaRole.Status);
    public ILocator Count(string term) => page.Locator(".import-counts div").Filter(new() { HasText = term }).Locator("dd");
    public ILocator ResultRow(string code) => page.GetByRole(AriaRole.Table, new() { Name = "逐行结果" }).GetByRole(AriaRole.Row)
        .Filter(new() { HasText = code });

    public async Task UploadAsync(string fileName, byte[] xlsx)
    {
        await File.SetInputFilesAsync(new FilePayload
        {
            Name = fileName, MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = xlsx,
        });
        await Import.ClickAsync();
    }
}
