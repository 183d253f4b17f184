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

/// <summary>资金台账 (/subsidies): the district claims a year, the town reviews, the district approves, batches and records
/// payment; every act needs its confirmation box.</summary>
public sealed class SubsidyLedgerPage(IPage page, string baseUrl)
{
    public async Task OpenAsync(string year) => await page.GotoAsync(baseUrl + "/subsidies?year=" + year);

    /// <summary>The layout's flash (the page repeats it in a second status paragraph of its own: the first is the layout's).</summary>
    public ILocator Flash => page.GetByRole(AriaRole.Status);
    public ILocator Export => page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel", Exact = true });

    private ILocator ClaimForm =>
        page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "计算并申报" }) });
    public ILocator ClaimYear => page.GetByLabel("申报年度", new() { Exact = true });
    public ILocator ClaimConfirm => ClaimForm.GetByRole(AriaRole.Checkbox);
    public ILocator Claim => page.GetByRole(AriaRole.Button, new() { Name = "计算并申报", Exact = true });

    public ILocator Lines => page.Locator("table.table--cards tbody");
    public ILocator Line(string facility) => Lines.GetByRole(AriaRole.Row).Filter(new() { HasText = facility });
    public ILocator Select(string facility) => Line(facility).GetByRole(AriaRole.Checkbox);
    public ILocator ActConfirm => page.GetByRole(AriaRole.Checkbox, new() { Name = "确认对所选账目执行此操作", Exact = false });
    public ILocator Review => page.GetByRole(AriaRole.Button, new() { Name = "镇街审核", Exact = true });
    public ILocator Approve => page.GetByRole(AriaRole.Button, new() { Name = "区审批", Exact = true });
    public ILocator FundingSource => page.GetByLabel("资金来源", new() { Exact = true });
    public ILocator Batch => page.GetByRole(AriaRole.Button, new() { Name = "编入支付批次", Exact = true });

    public ILocator Batches => page.GetByRole(AriaRole.Region, new() { Name = "支付批次" });
    public ILocator BatchRow(string number) => Batches.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
    public ILocator Voucher(string number) => BatchRow(number).GetByLabel("凭证号");
    public ILocator PaidOn(string number) => BatchRow(number).GetByLabel("支付日期");
    public ILocator PaidConfirm(string number) => BatchRow(number).GetByRole(AriaRole.Checkbox, new() { Name = "确认已支付" });
    public ILocator Pay(string number) => BatchRow(number).GetByRole(AriaRole.Button, new() { Name = "登记支付", Exact = true });
}
