namespace ElderCare.BrowserTests.Pages;

/// <summary>/supervision: the monthly rounds and the form that opens one.</summary>
public sealed class SupervisionPage(IPage page, string baseUrl)
{
    public Task OpenAsync() => page.GotoAsync(baseUrl + "/supervision");
    public ILocator Year => page.GetByLabel("年度", new() { Exact = true });
    public ILocator Month => page.GetByLabel("月份", new() { Exact = true });
    public ILocator Open => page.GetByRole(AriaRole.Button, new() { Name = "开启督导批次" });
    public ILocator Inspect => page.GetByRole(AriaRole.Link, new() { Name = "登记检查" }).First;
}

/// <summary>/supervision/inspections/new: one card per checklist item (符合 / 不符合 / 不适用 and a note).</summary>
public sealed class NewInspectionPage(IPage page)
{
    public ILocator Facility => page.GetByLabel("被检查的设施");
    public ILocator Inspector => page.GetByLabel("检查人");
    public ILocator InspectedOn => page.GetByLabel("检查日期");
    public ILocator Items => page.Locator("fieldset.score-card");
    public ILocator Result(int n, string result) => Items.Nth(n).GetByLabel(result, new() { Exact = true });
    public ILocator Note(int n) => Items.Nth(n).GetByLabel("说明");
    public ILocator Save => page.GetByRole(AriaRole.Button, new() { Name = "保存检查结果" });
}

/// <summary>/supervision/inspections/{id}: the raise-a-finding form.</summary>
public sealed class InspectionPage(IPage page)
{
    public ILocator Item => page.GetByLabel("检查项");
    public ILocator Severity => page.GetByLabel("问题等级");
    public ILocator Description => page.GetByLabel("问题描述");
    public ILocator Photo => page.GetByLabel(new System.Text.RegularExpressions.Regex("^现场照片"));
    public ILocator Raise => page.GetByRole(AriaRole.Button, new() { Name = "登记问题" });
}

/// <summary>/supervision/findings/{id}: status, deadline, history, and the rectify and re-inspect forms.</summary>
public sealed class FindingPage(IPage page)
{
    public ILocator Status => page.Locator("#finding-status");
    public ILocator Due => page.Locator("#finding-due");
    public ILocator Note => page.GetByLabel(new System.Text.RegularExpressions.Regex("^(整改说明|复查说明)"));
    public ILocator Rectify => page.GetByRole(AriaRole.Button, new() { Name = "提交整改" });
    public ILocator Pass => page.GetByRole(AriaRole.Button, new() { Name = "复查通过，销号" });
}

/// <summary>The to-do badge in the masthead (every signed-in page).</summary>
public sealed class TodoBadgePart(IPage page)
{
    public ILocator Count => page.Locator("#todo-badge .todo-badge__count");

    public async Task<int> ValueAsync() =>
        int.Parse((await Count.GetAttributeAsync("data-count"))!, System.Globalization.CultureInfo.InvariantCulture);
}
