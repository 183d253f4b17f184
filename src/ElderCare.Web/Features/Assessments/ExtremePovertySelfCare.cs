namespace ElderCare.Web.Features.Assessments;

/// <summary>《特困人员认定办法》的六项生活自理指标.</summary>
public enum SelfCareIndicator { Eating, Dressing, GettingInAndOutOfBed, Toileting, WalkingIndoors, Bathing }

/// <summary>生活自理能力 and the care tier of the 照料护理标准 it maps to: 全自理 / 半护理 / 全护理.</summary>
public enum SelfCareAbility { Capable, PartiallyLost, FullyLost }

public sealed record SelfCareResult(SelfCareAbility Ability, IReadOnlyList<SelfCareIndicator> NotAchieved)
{
    public string AbilityName => ExtremePovertySelfCare.NameOf(Ability);
    public string CareTier => ExtremePovertySelfCare.CareTierOf(Ability);
}

/// <summary>
/// 特困人员生活自理能力 (民发〔2016〕178号《特困人员认定办法》, revised 2021; STANDARDS.md §8): six indicators; all
/// achieved → 具备生活自理能力, up to 3 not achieved → 部分丧失, 4 or more → 完全丧失.
/// </summary>
public static class ExtremePovertySelfCare
{
    public const int IndicatorCount = 6;

    // STANDARDS.md §8 marks these thresholds [U] (from memory, to be confirmed with the district); they are named here
    // so that they can become district-editable data with an effective date once confirmed.
    public const int PartiallyLostMinNotAchieved = 1;
    public const int FullyLostMinNotAchieved = 4;

    public static IReadOnlyList<SelfCareIndicator> Indicators { get; } = Enum.GetValues<SelfCareIndicator>();

    public static SelfCareResult Assess(IEnumerable<SelfCareIndicator> notAchieved)
    {
        ArgumentNullException.ThrowIfNull(notAchieved);
        var missing = notAchieved.Distinct().Order().ToList();
        foreach (var i in missing)
            if (!Enum.IsDefined(i)) throw new ArgumentOutOfRangeException(nameof(notAchieved), i, "未知的生活自理指标。");
        return new(AbilityFor(missing.Count), missing);
    }

    public static SelfCareAbility AbilityFor(int notAchievedCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(notAchievedCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(notAchievedCount, IndicatorCount);
        return notAchievedCount >= FullyLostMinNotAchieved ? SelfCareAbility.FullyLost
            : notAchievedCount >= PartiallyLostMinNotAchieved ? SelfCareAbility.PartiallyLost
            : SelfCareAbility.Capable;
    }

    public static string NameOf(SelfCareIndicator i) => i switch
    {
        SelfCareIndicator.Eating => "自主吃饭",
        SelfCareIndicator.Dressing => "自主穿衣",
        SelfCareIndicator.GettingInAndOutOfBed => "自主上下床",
        SelfCareIndicator.Toileting => "自主如厕",
        SelfCareIndicator.WalkingIndoors => "室内自主行走",
        SelfCareIndicator.Bathing => "自主洗澡",
        _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };

    public static string NameOf(SelfCareAbility a) => a switch
    {
        SelfCareAbility.Capable => "具备生活自理能力",
        SelfCareAbility.PartiallyLost => "部分丧失生活自理能力",
        SelfCareAbility.FullyLost => "完全丧失生活自理能力",
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };

    public static string CareTierOf(SelfCareAbility a) => a switch
    {
        SelfCareAbility.Capable => "全自理",
        SelfCareAbility.PartiallyLost => "半护理",
        SelfCareAbility.FullyLost => "全护理",
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };
}
