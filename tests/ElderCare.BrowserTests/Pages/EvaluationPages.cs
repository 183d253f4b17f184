namespace ElderCare.BrowserTests.Pages;

/// <summary>评估批次与分配 (/evaluations/rounds): open a round, assign facilities to an evaluator organisation and evaluators.</summary>
public sealed class EvaluationRoundsPage(IPage page, string baseUrl)
{
    public async Task OpenAsync() => await page.GotoAsync(baseUrl + "/evaluations/rounds");

    public ILocator Flash => page.GetByRole(AriaRole.Status);
    public ILocator Rounds => page.GetByRole(AriaRole.Region, new() { Name = "评估批次" });

    public ILocator Year => page.GetByLabel("年度", new() { Exact = true });
    public ILocator Kind => page.GetByLabel("类型", new() { Exact = true });
    public ILocator Name => page.GetByLabel("名称", new() { Exact = true });
    public ILocator Open => page.GetByRole(AriaRole.Button, new() { Name = "开启", Exact = true });

    private ILocator AssignForm => page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "分配评估任务" }) });
    public ILocator Round => AssignForm.GetByRole(AriaRole.Combobox, new() { Name = "评估批次", Exact = true });
    public ILocator Facilities => page.GetByLabel("设施（可多选）");
    public ILocator Organisation => page.GetByLabel("第三方评估机构");
    public ILocator Evaluators => page.GetByLabel("评估人员（可多选）");
    public ILocator Assign => page.GetByRole(AriaRole.Button, new() { Name = "分配", Exact = true });
}

/// <summary>绩效评估 (/evaluations): the sheets in the user's scope.</summary>
public sealed class EvaluationListPage(IPage page, string baseUrl)
{
    public async Task OpenAsync() => await page.GotoAsync(baseUrl + "/evaluations");

    public ILocator Sheets => page.GetByRole(AriaRole.Region, new() { Name = "评估表" });
    public ILocator Row(string facility) => Sheets.GetByRole(AriaRole.Row).Filter(new() { HasText = facility });
    public ILocator Link(string facility) => Sheets.GetByRole(AriaRole.Link, new() { Name = facility, Exact = true });
}

/// <summary>One evaluation sheet (/evaluations/{id}): score cards for the evaluator, the objection form for the facility,
/// the approval for the district.</summary>
public sealed class EvaluationSheetPage(IPage page)
{
    public ILocator Flash => page.GetByRole(AriaRole.Status);
    public ILocator Summary => page.GetByRole(AriaRole.Region, new() { Name = "评估结果" });

    public ILocator Cards => page.Locator("fieldset.score-card");
    public ILocator Points(int n) => Cards.Nth(n).GetByLabel("得分");
    public ILocator Note(int n) => Cards.Nth(n).GetByLabel("说明");
    public ILocator Files(int n) => Cards.Nth(n).GetByLabel(new System.Text.RegularExpressions.Regex("^佐证材料"));
    public ILocator Save => page.GetByRole(AriaRole.Button, new() { Name = "保存评分", Exact = true });
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "提交评估", Exact = true });
    public ILocator Resubmit => page.GetByRole(AriaRole.Button, new() { Name = "复核后重新提交", Exact = true });

    public ILocator Scores => page.GetByRole(AriaRole.Region, new() { Name = "各项得分" });

    public ILocator Reason => page.GetByLabel("异议理由");
    public ILocator Object => page.GetByRole(AriaRole.Button, new() { Name = "提出异议", Exact = true });

    public ILocator Approve => page.GetByRole(AriaRole.Button, new() { Name = "审定并锁定" });
}
