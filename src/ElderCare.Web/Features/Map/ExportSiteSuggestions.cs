using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Map;

/// <summary>A site suggestion as a workbook, with its file name.</summary>
public sealed record SiteSuggestionFile(byte[] Content, string FileName);

/// <summary>
/// 选址建议导出: the chosen sites (position, region, the elders and priority elders each brings inside the 15-minute
/// circle) and, on a second sheet, how the answer was found — candidates, walks, the solver's answer beside the greedy
/// one, the bound and the gap, and the circle's figures now and with the sites built. The download is audited.
/// </summary>
public static class ExportSiteSuggestions
{
    public const string SitesSheet = "选址建议";
    public const string SolutionSheet = "求解说明";

    public static async Task<Outcome<SiteSuggestionFile>> Handle(int? sites, string? asOf, string? candidates, DataScope scope, AppDbContext db,
        MapOptions options, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await SuggestSites.Handle(sites, asOf, candidates, scope, db, options, clock, ct);
        if (!outcome.IsOk)
            return outcome.Kind == OutcomeKind.Invalid ? Outcome<SiteSuggestionFile>.Invalid(outcome.Errors!)
                : Outcome<SiteSuggestionFile>.NotFound(outcome.Message ?? "无权查看选址建议。");
        var s = outcome.Value!;
        var names = await RegionQueries.NamesAsync(db, s.Chosen.Select(c => c.RegionCode).OfType<string>(), ct);
        return new SiteSuggestionFile(ToXlsx(s, names), $"选址建议-{s.AsOf.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{s.Sites}个.xlsx");
    }

    public static byte[] ToXlsx(SiteSuggestion s, IReadOnlyDictionary<string, string> regionNames)
    {
        var rows = s.Chosen.Select((c, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["名称"] = c.Name ?? "（网格中心点）",
            ["地址"] = c.Address,
            ["纬度"] = c.Lat,
            ["经度"] = c.Lng,
            ["区划代码"] = c.RegionCode,
            ["所在村社区或镇街"] = c.RegionCode is { } code ? regionNames.GetValueOrDefault(code, code) : null,
            ["新纳入服务圈的老年人"] = c.Elders,
            ["其中重点老年人"] = c.Priority,
        }).ToList();
        static string Percent(double? share) => share is { } v ? v.ToString("0.0%", CultureInfo.InvariantCulture) : "—";
        var solution = new (string, object?)[]
        {
            ("计算日期", s.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("新建站点数", s.Sites),
            ("候选点来源", s.CandidateSourceText),
            ("候选点数", s.Candidates),
            ("步行距离", s.Method),
            ("重点老年人权重", s.PriorityWeight),
            ("求解方式", s.Solver == "SCIP" ? "精确求解（混合整数规划，SCIP）" : "贪心算法（求解器不可用）"),
            ("是否已证明最优", s.Optimal ? "是" : "否"),
            ("加权覆盖（所选方案）", s.Reached),
            ("加权覆盖（贪心解）", s.GreedyReached),
            ("上界", s.Bound),
            ("差距", s.Gap.ToString("0.00%", CultureInfo.InvariantCulture)),
            ("服务圈内老年人（现状）", $"{s.Before.EldersWithin} / {s.Before.Elders}（{Percent(s.Before.Share)}）"),
            ("服务圈内老年人（建成后）", $"{s.After.EldersWithin} / {s.After.Elders}（{Percent(s.After.Share)}）"),
            ("服务圈内重点老年人（现状）", $"{s.Before.PriorityWithin} / {s.Before.Priority}（{Percent(s.Before.PriorityShare)}）"),
            ("服务圈内重点老年人（建成后）", $"{s.After.PriorityWithin} / {s.After.Priority}（{Percent(s.After.PriorityShare)}）"),
        }.Select(p => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["项目"] = p.Item1, ["内容"] = p.Item2 }).ToList();
        return SpreadsheetWriter.Xlsx(new Dictionary<string, object> { [SitesSheet] = rows, [SolutionSheet] = solution });
    }
}
