using System.Text.RegularExpressions;

namespace ElderCare.BrowserTests.Pages;

/// <summary>老年人能力评估 (/elders/{id}/assessments/new): the GB/T 42195-2022 form, one radio group per item.</summary>
public sealed class AssessmentFormPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator AssessedOn => page.GetByLabel(new Regex("^评估日期"));
    public ILocator Reason => page.GetByLabel(new Regex("^评估原因"));
    public ILocator Assessor(int number) => page.GetByLabel($"评估员 {number}", new() { Exact = true });
    public ILocator RiskEvents => page.GetByLabel("近 30 天内照护风险事件次数");
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "提交评估" });
    public ILocator ScoreBar => page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已评" });

    /// <summary>The radio group of one item, named by its legend ("B.2.4 上下楼梯（0–3 分）").</summary>
    public ILocator Item(string code) => page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^" + Regex.Escape(code) + " ") });

    public async Task ScoreAsync(string code, int score) =>
        await Item(code).GetByRole(AriaRole.Radio, new() { NameRegex = new Regex($"^{score} 分") }).CheckAsync();

    public async Task ScoreAllAsync(IReadOnlyDictionary<string, int> scores)
    {
        foreach (var (code, score) in scores) await ScoreAsync(code, score);
    }
}
