namespace ElderCare.BrowserTests.Pages;

/// <summary>新建服务工单 (/orders/new): item, date and times, subsidy preview, order.</summary>
public sealed class NewOrderPage(IPage page, string baseUrl)
{
    public Task OpenForAsync(Guid elderId) => page.GotoAsync($"{baseUrl}/orders/new?elderId={elderId}");
    public ILocator Item => page.GetByLabel("服务项目");
    public ILocator Date => page.GetByLabel("服务日期");
    public ILocator Start => page.GetByLabel("开始时间");
    public ILocator End => page.GetByLabel("结束时间");
    public ILocator Preview => page.GetByRole(AriaRole.Button, new() { Name = "试算补贴" });
    public ILocator SubsidyPreview => page.GetByTestId("subsidy-preview");
    public ILocator Order => page.GetByRole(AriaRole.Button, new() { Name = "下单" });
}

/// <summary>工单详情 (/orders/{id}): status, verification, flags, timeline, the family's code, dispatch.</summary>
public sealed class OrderDetailsPage(IPage page)
{
    public ILocator Status => page.GetByTestId("order-status");
    public ILocator Verification => page.GetByTestId("order-verification");
    public ILocator Flags => page.GetByTestId("flags");
    public ILocator Timeline => page.GetByTestId("timeline");
    public ILocator Code => page.GetByTestId("confirmation-code");
    public ILocator Subsidy => page.GetByTestId("subsidy");
    public ILocator Suggestion(string workerName) => page.GetByRole(AriaRole.Radio, new() { Name = workerName });
    public ILocator Assign => page.GetByRole(AriaRole.Button, new() { Name = "确认派单" });
}

/// <summary>The caregiver's phone pages (/caregiver, /caregiver/orders/{id}).</summary>
public sealed class CaregiverPages(IPage page, string baseUrl)
{
    public Task OpenTodayAsync() => page.GotoAsync($"{baseUrl}/caregiver");
    public ILocator Today => page.GetByTestId("today");
    public ILocator Start(string elderName) => Today.Locator("li", new() { HasText = elderName }).GetByRole(AriaRole.Link, new() { Name = "开始服务" });
    public ILocator Navigate => page.GetByRole(AriaRole.Link, new() { Name = "导航到老人家" });
    public ILocator Latitude => page.GetByLabel("纬度");
    public ILocator CheckIn => page.GetByRole(AriaRole.Button, new() { Name = "签到" });
    public ILocator Code => page.GetByLabel("确认码");
    public ILocator Confirm => page.GetByRole(AriaRole.Button, new() { Name = "确认" });
    public ILocator Notes => page.GetByLabel("服务记录");
    public ILocator CheckOut => page.GetByRole(AriaRole.Button, new() { Name = "签退" });
    public ILocator Status => page.GetByTestId("visit-status");
    public ILocator Verification => page.GetByTestId("visit-verification");
    public ILocator Flags => page.GetByTestId("flags");
}
