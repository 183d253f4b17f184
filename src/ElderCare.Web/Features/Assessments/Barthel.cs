using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Features.Assessments;

/// <summary>Barthel 护理分级 (STANDARDS.md §3): 无需依赖 / 轻度 / 中度 / 重度依赖.</summary>
public enum BarthelDependency { None, Mild, Moderate, Severe }

/// <summary>One Barthel item; <see cref="Code"/> is its camelCase key in the API ("items.feeding").</summary>
public sealed record BarthelItem(int Index, string Code, string Name, string? Note, IReadOnlyList<ScoreOption> Options)
{
    public int MaxScore => Options[0].Score;

    public bool Allows(int score) => Options.Any(o => o.Score == score);
}

public readonly record struct BarthelScore(int Total, BarthelDependency Dependency)
{
    public string DependencyName => Barthel.NameOf(Dependency);
}

/// <summary>
/// Barthel Index (ADL), the fallback instrument of STANDARDS.md §3: 10 items, 0–100 in steps of 5, higher = more able.
/// Its dependency grading (100 / 61–99 / 41–60 / ≤ 40) is not the legacy MZ/T 039 ADL grading (100 / 65–95 / 45–60 / ≤ 40);
/// the two are kept apart on purpose.
/// </summary>
public static class Barthel
{
    public const int ItemCount = 10;
    public const int MaxTotal = 100;

    // §3 护理分级: 100 无需依赖; 61–99 轻度依赖; 41–60 中度依赖; ≤ 40 重度依赖.
    public const int MildMinTotal = 61;
    public const int ModerateMinTotal = 41;

    public static IReadOnlyList<BarthelItem> Items { get; } =
    [
        new(0, "feeding", "进食", null, [new(10, "独立"), new(5, "需部分帮助（夹菜、盛饭）"), new(0, "需极大帮助或完全依赖")]),
        new(1, "bathing", "洗澡", null, [new(5, "独立"), new(0, "依赖")]),
        new(2, "grooming", "修饰", "洗脸、梳头、刷牙、剃须", [new(5, "独立"), new(0, "依赖")]),
        new(3, "dressing", "穿衣", "系扣、拉拉链、穿鞋", [new(10, "独立"), new(5, "需部分帮助"), new(0, "依赖")]),
        new(4, "bowels", "大便控制", null, [new(10, "能控制"), new(5, "偶尔失控（每周＜1次）"), new(0, "失禁")]),
        new(5, "bladder", "小便控制", null, [new(10, "能控制"), new(5, "偶尔失控（每24小时＜1次）"), new(0, "失禁或留置导尿")]),
        new(6, "toilet", "如厕", null, [new(10, "独立"), new(5, "需部分帮助"), new(0, "依赖")]),
        new(7, "transfer", "床椅转移", null,
            [new(15, "独立"), new(10, "需少量帮助（1人）或指导"), new(5, "需大量帮助（2人），能坐"), new(0, "完全依赖，不能坐")]),
        new(8, "mobility", "平地行走", "45～50 米", [new(15, "独立（可用辅具）"), new(10, "需1人帮助"), new(5, "在轮椅上独立活动"), new(0, "不能")]),
        new(9, "stairs", "上下楼梯", null, [new(10, "独立"), new(5, "需帮助或监督"), new(0, "不能")]),
    ];

    public static BarthelItem? Item(string code) => Items.FirstOrDefault(i => i.Code == code);

    public static BarthelDependency Grade(int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(total, MaxTotal);
        return total == MaxTotal ? BarthelDependency.None
            : total >= MildMinTotal ? BarthelDependency.Mild
            : total >= ModerateMinTotal ? BarthelDependency.Moderate
            : BarthelDependency.Severe;
    }

    public static string NameOf(BarthelDependency d) => d switch
    {
        BarthelDependency.None => "无需依赖",
        BarthelDependency.Mild => "轻度依赖",
        BarthelDependency.Moderate => "中度依赖",
        BarthelDependency.Severe => "重度依赖",
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };

    /// <summary>Scores the 10 items in the order of <see cref="Items"/>; <see cref="Validate"/> first, as a disallowed score throws.</summary>
    public static BarthelScore Score(ReadOnlySpan<int> scoresInItemOrder)
    {
        if (scoresInItemOrder.Length != ItemCount)
            throw new ArgumentException($"需要 {ItemCount} 项评分，收到 {scoresInItemOrder.Length} 项。", nameof(scoresInItemOrder));
        var total = 0;
        for (var i = 0; i < ItemCount; i++)
        {
            if (!Items[i].Allows(scoresInItemOrder[i]))
                throw new ArgumentException(Disallowed(Items[i]), nameof(scoresInItemOrder));
            total += scoresInItemOrder[i];
        }
        return new(total, Grade(total));
    }

    /// <summary>Scores item code → score (e.g. "feeding" → 10), as the API receives it.</summary>
    public static BarthelScore Score(IReadOnlyDictionary<string, int> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (Validate(items).Any) throw new ArgumentException("Barthel 评分未通过校验。", nameof(items));
        Span<int> scores = stackalloc int[ItemCount];
        for (var i = 0; i < ItemCount; i++) scores[i] = items[Items[i].Code];
        return Score(scores);
    }

    /// <summary>Field errors keyed like the API's JSON ("items.feeding").</summary>
    public static FieldErrors Validate(IReadOnlyDictionary<string, int>? items)
    {
        var errors = new FieldErrors();
        if (items is null) return errors.Add("items", $"请填写全部 {ItemCount} 项评分。");
        foreach (var item in Items)
        {
            var key = "items." + item.Code;
            if (!items.TryGetValue(item.Code, out var v)) errors.Add(key, "缺少该项评分。");
            else if (!item.Allows(v)) errors.Add(key, Disallowed(item) + "。");
        }
        foreach (var code in items.Keys)
            if (Item(code) is null) errors.Add("items." + code, $"{code} 不是 Barthel 指数的评估项目。");
        return errors;
    }

    // "床椅转移的分值应为 0、5、10 或 15"
    private static string Disallowed(BarthelItem item)
    {
        var scores = item.Options.Select(o => o.Score).Order().Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return $"{item.Name}的分值应为 {string.Join("、", scores[..^1])} 或 {scores[^1]}";
    }
}
