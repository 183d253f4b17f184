namespace ElderCare.BrowserTests.Pages;

/// <summary>老年人能力评估报告 (/elders/{id}/assessments/{assessmentId}/report): the printable GB/T 42195-2022 附录C report.</summary>
public sealed class AssessmentReportPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Flash => page.GetByRole(AriaRole.Status);

    private ILocator Table(string caption) => page.GetByRole(AriaRole.Table, new() { Name = caption, Exact = true });
    public ILocator Basics => Table("基本信息");
    public ILocator Scores => Table("一级指标得分");
    public ILocator Levels => Table("老年人能力等级");

    /// <summary>A row of a report table, found by its header cell ("自理能力", "老年人能力总分", "最终能力等级").</summary>
    public ILocator Row(ILocator table, string header) =>
        table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = header, Exact = true }) });

    public ILocator Conclusion => page.GetByRole(AriaRole.Region, new() { Name = "评估结论" });
}
