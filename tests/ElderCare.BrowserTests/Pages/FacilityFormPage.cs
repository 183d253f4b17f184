namespace ElderCare.BrowserTests.Pages;

/// <summary>登记设施 (/facilities/new) and 修改设施 (/facilities/{id}/edit): the shared facility form.</summary>
public sealed class FacilityFormPage(IPage page, string baseUrl)
{
    public async Task OpenNewAsync() => await page.GotoAsync(baseUrl + "/facilities/new");

    /// <summary>Opens the edit form of a facility, given its details URL.</summary>
    public async Task OpenEditAsync(string detailsUrl) => await page.GotoAsync(detailsUrl + "/edit");

    public ILocator Name => page.GetByLabel("设施名称");
    public ILocator Type => page.GetByLabel("设施类型");
    public ILocator Region => page.GetByLabel("所在区域");
    public ILocator Status => page.GetByLabel("状态", new() { Exact = true });
    public ILocator OpenedOn => page.GetByLabel("开业日期");
    public ILocator FloorArea => page.GetByLabel("建筑面积（平方米）");
    public ILocator BedsTotal => page.GetByLabel("床位总数（张）");
    public ILocator BedsNursing => page.GetByLabel("护理型床位（张）");
    public ILocator OperationMode => page.GetByLabel("运营方式");
    public ILocator OperatorName => page.GetByLabel("运营机构");
    public ILocator Latitude => page.GetByLabel("纬度（WGS-84）");
    public ILocator Longitude => page.GetByLabel("经度（WGS-84）");
    /// <summary>The location picker under the coordinates; Leaflet's container is the element to click.</summary>
    public ILocator Map => page.GetByRole(AriaRole.Group, new() { Name = "位置地图" });
    public ILocator MapMarker => Map.Locator(".leaflet-marker-icon");
    public ILocator MapNote => page.GetByText("未配置底图，仍可点选位置");
    public ILocator Zone(string label) => page.GetByRole(AriaRole.Checkbox, new() { Name = label });
    public ILocator Save => page.GetByRole(AriaRole.Button, new() { Name = "保存" });
    public ILocator ErrorSummary => page.GetByRole(AriaRole.Alert);
    public ILocator ConflictAlert => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "数据冲突" });
    public ILocator SaveChanges => page.GetByRole(AriaRole.Button, new() { Name = "保存修改" });

    public async Task ChooseAsync(ILocator select, string label) =>
        await select.SelectOptionAsync(new SelectOptionValue { Label = label });

    /// <summary>Fills what every facility needs; the test then adds or overrides what it is about.</summary>
    public async Task FillBasicsAsync(string name, string type, string region, string mode = "公建民营")
    {
        await Name.FillAsync(name);
        await ChooseAsync(Type, type);
        await ChooseAsync(Region, region);
        await ChooseAsync(OperationMode, mode);
    }
}
