using ElderCare.Web.Data;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>
/// The seeded default templates (三(二)(三)): one annual service-quality template per facility type and one construction
/// acceptance (验收) template. The policy names the four groups but not the indicators, points or grade bands: every
/// figure here is a placeholder marked 待确认 until the district confirms the template (ADR 0023).
/// </summary>
public static class EvaluationDefaults
{
    /// <summary>The year the defaults are in force from (the policy's year; a later year's template replaces them).</summary>
    public const int Year = 2020;

    /// <summary>优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格 (placeholders).</summary>
    public static List<GradeBand> Bands() =>
    [
        new() { Grade = EvaluationGrade.Excellent, MinScore = 90 },
        new() { Grade = EvaluationGrade.Good, MinScore = 80 },
        new() { Grade = EvaluationGrade.Pass, MinScore = 60 },
    ];

    private static EvaluationIndicator I(string key, IndicatorGroup group, string name, int points, string how, bool evidence) =>
        new() { Key = key, Group = group, Name = name, MaxPoints = points, HowToScore = how, EvidenceRequired = evidence };

    /// <summary>The annual indicators; a village point (互助养老点) weighs staffing less and feedback more.</summary>
    public static List<EvaluationIndicator> Annual(FacilityType type)
    {
        var village = type == FacilityType.VillagePoint;
        return
        [
            I("staff-count", IndicatorGroup.Staffing, "工作人员配备", village ? 10 : 15, "按核定岗位查花名册与考勤，缺一人扣 3 分。", true),
            I("staff-qualification", IndicatorGroup.Staffing, "持证上岗与培训", village ? 5 : 10, "查证书与年度培训记录，无记录不得分。", true),
            I("service-items", IndicatorGroup.ServiceContent, "服务项目开展", 15, "对照服务清单查台账，每缺一项扣 3 分。", true),
            I("service-volume", IndicatorGroup.ServiceContent, "服务人次与覆盖", 10, "查平台服务记录，按年度目标完成比例计分。", false),
            I("safety", IndicatorGroup.Quality, "安全管理（消防、食品、应急）", 15, "现场检查与查阅制度、演练记录，存在隐患一处扣 5 分。", true),
            I("records", IndicatorGroup.Quality, "档案与制度管理", 10, "查老年人档案、服务合同与管理制度。", false),
            I("environment", IndicatorGroup.Quality, "环境卫生与设施维护", 10, "现场查看，拍照留存。", true),
            I("satisfaction", IndicatorGroup.Feedback, "服务对象满意度", village ? 15 : 10, "随机回访不少于 10 名服务对象，按满意率计分。", true),
            I("complaints", IndicatorGroup.Feedback, "投诉处理", village ? 10 : 5, "查投诉台账，未按期办结一件扣 1 分。", false),
        ];
    }

    /// <summary>The construction acceptance (验收) indicators.</summary>
    public static List<EvaluationIndicator> Acceptance() =>
    [
        I("area", IndicatorGroup.Staffing, "建筑面积与功能分区（附件1）", 25, "对照附件1 查竣工图与现场，面积不达标不得分。", true),
        I("facilities", IndicatorGroup.ServiceContent, "设施设备配置", 20, "对照配置清单逐项查验。", true),
        I("accessibility", IndicatorGroup.Quality, "适老化与无障碍", 20, "现场检查扶手、坡道、防滑、呼叫设备。", true),
        I("fire-safety", IndicatorGroup.Quality, "消防验收与安全", 20, "查消防验收或备案文件。", true),
        I("operation-ready", IndicatorGroup.Feedback, "运营准备（人员、制度、运营主体）", 15, "查运营协议、人员与制度。", false),
    ];

    public static IEnumerable<EvaluationTemplate> Templates()
    {
        foreach (var type in Enum.GetValues<FacilityType>())
            yield return new EvaluationTemplate
            {
                Year = Year, Kind = EvaluationKind.Annual, FacilityType = type, Name = $"{Labels.Of(type)}年度服务质量评估（默认）",
                Indicators = Annual(type), Bands = Bands(), Source = Placeholders.Source,
            };
        yield return new EvaluationTemplate
        {
            Year = Year, Kind = EvaluationKind.Acceptance, FacilityType = null, Name = "养老服务设施建设验收（默认）",
            Indicators = Acceptance(), Bands = Bands(), Source = Placeholders.Source,
        };
    }

    /// <summary>Adds the default templates not yet stored (by year, kind and type); returns how many were added.</summary>
    public static async Task<int> SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var stored = (await db.EvaluationTemplates.Select(t => new { t.Year, t.Kind, t.FacilityType }).ToListAsync(ct))
            .Select(t => (t.Year, t.Kind, t.FacilityType)).ToHashSet();
        var added = 0;
        foreach (var t in Templates().Where(t => !stored.Contains((t.Year, t.Kind, t.FacilityType))))
        {
            db.EvaluationTemplates.Add(t);
            added++;
        }
        return added;
    }
}
