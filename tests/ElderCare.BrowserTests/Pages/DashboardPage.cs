namespace ElderCare.BrowserTests.Pages;

/// <summary>首页概览 at "/": KPI tiles, the coverage table per street/town and the build-progress chart.</summary>
public sealed class DashboardPage(IPage page, string baseUrl)
{
    public IPage Page => page;

    public async Task OpenAsync(string? asOf = null) =>
        await page.GotoAsync(baseUrl + "/" + (asOf is null ? "" : "?asOf=" + asOf));

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator CoverageTable => page.GetByRole(AriaRole.Table, new() { Name = "各镇街养老服务设施覆盖情况" });

    public ILocator UnitRow(string unit) => CoverageTable.GetByRole(AriaRole.Row, new() { Name = unit });

    /// <summary>The cell of one facility type in a unit's row; its text reads "运营 n / 应建 m 规划 k".</summary>
    public ILocator CoverageCell(string unit, string facilityType) =>
        UnitRow(unit).GetByRole(AriaRole.Cell, new() { Name = facilityType });

    public ILocator Kpi(string name) => page.GetByRole(AriaRole.Article, new() { Name = name });

    /// <summary>The big value of a KPI tile, matched whole ("0%" must not match the target "100%").</summary>
    public ILocator KpiValue(string name, string value) => Kpi(name).GetByText(value, new() { Exact = true });

    public ILocator ExportLink => page.GetByRole(AriaRole.Link, new() { Name = "导出覆盖情况（Excel）" });

    public ILocator ProgressTable => page.GetByRole(AriaRole.Table, new() { Name = "建设进度数据表" });

    public ILocator ProgressChart => page.GetByRole(AriaRole.Img, new() { Name = "建设进度柱状图" });

    /// <summary>Waits until ECharts has drawn, so a screenshot shows the chart rather than its empty box.</summary>
    public async Task WaitForChartAsync() =>
        await page.Locator("[data-chart-ready='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}
