using ElderCare.Web.Features.Assessments;

namespace ElderCare.Web.Features.Elders;

/// <summary>Chinese names of the registry's vocabulary, for the elder pages.</summary>
public static class ElderLabels
{
    /// <summary>PIPL 第十三条: the bases of processing the form offers; anything else is recorded as "其他：…".</summary>
    public static IReadOnlyList<string> ConsentBases { get; } = ["本人同意", "监护人同意", "履行法定职责", "其他"];

    public const string OtherBasis = "其他";

    public static string Of(Sex s) => IdNumber.NameOf(s);

    public static string Of(LivingArrangement l) => l switch
    {
        LivingArrangement.Alone => "独居",
        LivingArrangement.EmptyNest => "空巢",
        LivingArrangement.LeftBehind => "留守",
        LivingArrangement.WithFamily => "与家人同住",
        _ => l.ToString(),
    };

    public static string Of(ElderCategory c) => c switch
    {
        ElderCategory.ExtremePoverty => "特困",
        ElderCategory.Subsistence => "低保",
        ElderCategory.LowIncomeEdge => "低保边缘",
        ElderCategory.LostOnlyChild => "失独",
        ElderCategory.Disabled => "残疾",
        ElderCategory.Entitled => "重点优抚",
        _ => c.ToString(),
    };

    public static string Of(ElderStatus s) => s switch
    {
        ElderStatus.Active => "在册",
        ElderStatus.Moved => "迁出",
        ElderStatus.Deceased => "已故",
        _ => s.ToString(),
    };

    /// <summary>"2级 能力中度受损（中度失能）", or 未评估.</summary>
    public static string Level(int? level) => level is { } l ? $"{l}级 {CapabilityAssessment.LevelName(l)}" : "未评估";

    /// <summary>Badge colour of a capability level: green intact, blue mild, amber moderate, red severe or lost, grey unknown.</summary>
    public static string LevelTone(int? level) => level switch
    {
        null => "grey",
        0 => "green",
        1 => "blue",
        2 => "amber",
        _ => "red",
    };

    public static string Of(AssessmentReason r) => r switch
    {
        AssessmentReason.First => "首次评估",
        AssessmentReason.Routine => "常规评估",
        AssessmentReason.Immediate => "即时评估",
        AssessmentReason.Review => "复评",
        AssessmentReason.Other => "其他",
        _ => r.ToString(),
    };
}
