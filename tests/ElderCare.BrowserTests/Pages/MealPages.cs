namespace ElderCare.BrowserTests.Pages;

/// <summary>助餐 pages (/meals/…): the tabs, the menu form, the order form and list, the production list and route sheet.</summary>
public sealed class MealPages(IPage page)
{
    public ILocator Tab(string name) => page.GetByRole(AriaRole.Navigation, new() { Name = "助餐" }).GetByRole(AriaRole.Link, new() { Name = name });
    public ILocator Flash => page.GetByRole(AriaRole.Status);
    public ILocator ErrorSummary => page.GetByRole(AriaRole.Alert);

    // 菜单
    public ILocator SetName(int n) => page.GetByLabel($"套餐 {n} 名称");
    public ILocator SetPrice(int n) => page.GetByLabel($"套餐 {n} 价格（元）");
    public ILocator SetDishes(int n) => page.GetByLabel($"套餐 {n} 菜品（用顿号分隔）");
    public ILocator SetSuits(int n, string diet) => page.GetByRole(AriaRole.Checkbox, new() { Name = $"套餐 {n} {diet}", Exact = true });
    public ILocator SaveMenu => page.GetByRole(AriaRole.Button, new() { Name = "保存菜单" });
    public ILocator MenuTable(string meal) => page.GetByRole(AriaRole.Table, new() { Name = $"{meal}菜单" });

    // 订餐
    public ILocator DiningPoint => page.GetByLabel("助餐点", new() { Exact = true });
    public ILocator Show => page.GetByRole(AriaRole.Button, new() { Name = "查看" });
    public ILocator Elder => page.GetByLabel("老年人", new() { Exact = true });
    public ILocator Set => page.GetByLabel("套餐", new() { Exact = true });
    public ILocator PlaceOrder => page.GetByRole(AriaRole.Button, new() { Name = "订餐", Exact = true });
    public ILocator Orders => page.GetByRole(AriaRole.Table, new() { Name = "订餐列表" });

    /// <summary>Options read "姓名（送餐，糖尿病餐（低糖））": pick the one starting with the name.</summary>
    public async Task ChooseElderAsync(string name)
    {
        var value = await Elder.Locator("option", new() { HasText = name + "（" }).GetAttributeAsync("value");
        await Elder.SelectOptionAsync(value!);
    }

    // 生产单、路线单
    public ILocator SetCounts => page.GetByRole(AriaRole.Table, new() { Name = "各套餐份数" });
    public ILocator DietCounts => page.GetByRole(AriaRole.Table, new() { Name = "各饮食需要份数" });
    public ILocator PointCounts => page.GetByRole(AriaRole.Table, new() { Name = "各助餐点份数" });
    public ILocator Stops => page.GetByRole(AriaRole.Table, new() { Name = "送餐站点" });
    // 食品安全
    public ILocator CookedAt => page.GetByLabel("出锅时间");
    public ILocator RecordBatch => page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true });
    public ILocator SampleProblems => page.GetByRole(AriaRole.Table, new() { Name = "留样问题" });

    public ILocator ExportLink => page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" });

    // 厨房与助餐点登记、助餐档案
    public ILocator Button(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
    public ILocator Field(string label) => page.GetByLabel(label);
    public ILocator Save => page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true });
    public ILocator Map => page.GetByRole(AriaRole.Group, new() { Name = "位置地图" });
    public ILocator MapMarker => Map.Locator(".leaflet-marker-icon");
    public ILocator Diet(string name) => page.GetByRole(AriaRole.Checkbox, new() { Name = name, Exact = true });
    public ILocator MealCard => page.GetByRole(AriaRole.Region, new() { Name = "助餐档案" });
    public ILocator Kitchens => page.GetByRole(AriaRole.Region, new() { Name = "中央厨房" });
}
