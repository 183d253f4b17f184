namespace ElderCare.BrowserTests.Pages;

/// <summary>用户管理 (/users): the user list, the add-user form, and the per-user pages it links to.</summary>
public sealed class UsersPage(IPage page, string baseUrl)
{
    public async Task OpenAsync() => await page.GotoAsync(baseUrl + "/users");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Flash => page.GetByRole(AriaRole.Status);
    public ILocator ErrorSummary => page.GetByRole(AriaRole.Alert);

    public ILocator List => page.GetByRole(AriaRole.Table, new() { Name = "用户列表" });
    public ILocator Row(string userName) => List.GetByRole(AriaRole.Row)
        .Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = userName }) });

    /// <summary>The password shown once after a reset (or after adding a user without typing one).</summary>
    public ILocator OneTimePassword => page.GetByRole(AriaRole.Region, new() { Name = "的新密码" }).Locator("code");

    private ILocator AddForm => page.GetByRole(AriaRole.Region, new() { Name = "新增用户" });
    public ILocator UserName => AddForm.GetByLabel("用户名");
    public ILocator DisplayName => AddForm.GetByLabel("姓名", new() { Exact = true });
    public ILocator Role => AddForm.GetByLabel("角色");
    public ILocator Region => AddForm.GetByLabel("所属街道或镇");
    public ILocator Facilities => AddForm.GetByLabel("运营的设施");
    public ILocator Mobile => AddForm.GetByLabel("手机号");
    public ILocator Password => AddForm.GetByLabel("初始密码");
    public ILocator Add => AddForm.GetByRole(AriaRole.Button, new() { Name = "新增用户" });

    public ILocator Action(string label) => page.GetByRole(AriaRole.Link, new() { Name = label, Exact = true });
    public ILocator Button(string label) => page.GetByRole(AriaRole.Button, new() { Name = label, Exact = true });

    // The unmask page
    public ILocator Reason => page.GetByLabel("查看理由");
    public ILocator Unmask => page.GetByRole(AriaRole.Button, new() { Name = "查看完整手机号" });

    public async Task ChooseAsync(ILocator select, string label) =>
        await select.SelectOptionAsync(new SelectOptionValue { Label = label });
}
