using System.Runtime.CompilerServices;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Features.Assessments;

/// <summary>GB/T 42195-2022 附录B: the four first-level indicators (一级指标).</summary>
public enum CapabilityDomain { SelfCare, Motor, Mental, Perception }

/// <summary>One answer of an item: its score and what it means.</summary>
public sealed record ScoreOption(int Score, string Text);

/// <summary>One of the 26 second-level items, in form order (<see cref="Index"/> 0–25).</summary>
public sealed record CapabilityItem(int Index, string Code, CapabilityDomain Domain, string Name, string? Note, int MaxScore,
    IReadOnlyList<ScoreOption> Options);

public sealed record CapabilityDomainInfo(CapabilityDomain Domain, string Name, int MaxScore, int FirstItem, int ItemCount);

/// <summary>
/// The ability form of GB/T 42195-2022 附录B as data (STANDARDS.md §1.1): 4 domains, 26 items, 0–90, higher = more able.
/// Option wording is abridged from the public implementations quoted there; check it against the printed standard.
/// </summary>
public static class CapabilityForm
{
    public const int ItemCount = 26;
    public const int MaxTotal = 90;

    // §1.1 common 5-point assistance scale ("S5").
    private static readonly ScoreOption[] S5 =
    [
        new(4, "独立完成，不需要他人协助"),
        new(3, "在他人指导或提示下完成"),
        new(2, "需要他人协助，但以自身完成为主"),
        new(1, "主要依靠他人协助，自身能给予配合"),
        new(0, "完全依赖他人协助，且不能给予配合"),
    ];

    public static IReadOnlyList<CapabilityItem> Items { get; } = Build(
    [
        ("B.1.1", CapabilityDomain.SelfCare, "进食", "使用适当的器具将食物送入口中并咽下", 4,
        [
            new(4, "独立使用器具将食物送进口中并咽下，没有呛咳"),
            new(3, "在他人指导或提示下完成，或独立使用辅具，没有呛咳"),
            new(2, "进食中需要少量接触式协助，偶尔（每月一次及以上）呛咳"),
            new(1, "进食中需要大量接触式协助，经常（每周一次及以上）呛咳"),
            new(0, "完全依赖他人协助进食，或吞咽困难，或留置营养管"),
        ]),
        ("B.1.2", CapabilityDomain.SelfCare, "修饰", "洗脸、刷牙、梳头、刮脸、剪指甲等", 4, S5),
        ("B.1.3", CapabilityDomain.SelfCare, "洗澡", "清洗和擦干身体", 4, S5),
        ("B.1.4", CapabilityDomain.SelfCare, "穿/脱上衣", "穿/脱上衣、系扣子、拉拉链等", 4, S5),
        ("B.1.5", CapabilityDomain.SelfCare, "穿/脱裤子和鞋袜", "穿/脱裤子、鞋袜等", 4, S5),
        ("B.1.6", CapabilityDomain.SelfCare, "小便控制", "控制和排出尿液的能力", 4,
        [
            new(4, "可自行控制排尿，排尿次数、排尿控制均正常"),
            new(3, "白天可自行控制排尿次数，夜间排尿次数增多、控制较差，或自行使用尿布、尿垫等辅助用物"),
            new(2, "白天大部分时间可自行控制排尿，偶有尿失禁（每天＜1次，但每周＞1次），或需他人少量协助使用尿布、尿垫等"),
            new(1, "白天大部分时间不能控制排尿（每天≥1次，但尚未完全失控），夜间尿失禁，或需他人大量协助使用尿布、尿垫等"),
            new(0, "小便失禁，完全不能控制排尿，或留置导尿管"),
        ]),
        ("B.1.7", CapabilityDomain.SelfCare, "大便控制", "控制和排出粪便的能力", 4,
        [
            new(4, "可正常自行控制大便排出"),
            new(3, "有时（每周＜1次）便秘或大便失禁，或自行使用开塞露、尿垫等辅助用物"),
            new(2, "经常（每天＜1次，但每周＞1次）便秘或大便失禁，或需他人少量协助使用开塞露、尿垫等"),
            new(1, "大部分时间（每天≥1次）便秘或大便失禁，但尚未完全失控，或需他人大量协助使用开塞露、尿垫等"),
            new(0, "严重便秘或完全大便失禁，需要依赖他人协助排便或清洁皮肤"),
        ]),
        ("B.1.8", CapabilityDomain.SelfCare, "如厕", "上厕所排泄大小便，并清洁身体、整理衣裤", 4, S5),
        ("B.2.1", CapabilityDomain.Motor, "床上体位转移", "卧床翻身及坐起躺下", 4, S5),
        ("B.2.2", CapabilityDomain.Motor, "床椅转移", "从坐位到站位，再从站位到坐位的转换", 4, S5),
        ("B.2.3", CapabilityDomain.Motor, "平地行走", "双脚交互在地面行动，约 50 米", 4,
        [
            new(4, "独立平地步行 50 米左右，且无摔倒风险"),
            new(3, "能平地步行 50 米左右，但有摔倒风险，需他人监护或指导，或使用拐杖、助行器等辅助工具"),
            new(2, "步行时需要他人少量扶持协助"),
            new(1, "步行时需要他人大量扶持协助"),
            new(0, "完全不能步行"),
        ]),
        ("B.2.4", CapabilityDomain.Motor, "上下楼梯", "双脚交替完成连续 10～15 个台阶的上下移动", 3,
        [
            new(3, "可独立上下楼梯，不需要协助"),
            new(2, "在他人指导或提示下完成"),
            new(1, "需要他人协助，但以自身完成为主"),
            new(0, "主要依靠他人协助或完全依赖他人"),
        ]),
        ("B.3.1", CapabilityDomain.Mental, "时间定向", "知道并确认时间的能力", 4,
        [
            new(4, "时间观念（年、月）清楚，日期（或星期几）可相差一天"),
            new(3, "时间观念有些下降，年、月、日（或星期几）不能全部分清（相差两天或以上）"),
            new(2, "时间观念较差，年、月、日不清楚，可知上半年或下半年或季节"),
            new(1, "时间观念很差，年、月、日不清楚，可知上午、下午或白天、夜间"),
            new(0, "无时间观念"),
        ]),
        ("B.3.2", CapabilityDomain.Mental, "空间定向", "知道并确认空间的能力", 4,
        [
            new(4, "能在日常生活范围内单独外出"),
            new(3, "不能单独外出，但能准确知道自己日常生活所在地的地址信息"),
            new(2, "不能单独外出，但知道较多有关自己日常生活的地址信息"),
            new(1, "不能单独外出，只知道较少自己居住或生活所在地的地址信息"),
            new(0, "不能单独外出，无空间观念"),
        ]),
        ("B.3.3", CapabilityDomain.Mental, "人物定向", "知道并确认人物的能力", 4,
        [
            new(4, "认识长期共同生活的人，能称呼并知道关系"),
            new(3, "能认识大部分共同生活居住的人，能称呼或知道关系"),
            new(2, "能认识部分日常同住的亲人或照护者，能称呼或知道关系"),
            new(1, "只认识自己或极少数日常同住的亲人或照护者"),
            new(0, "不认识任何人（包括自己）"),
        ]),
        ("B.3.4", CapabilityDomain.Mental, "记忆", "短时、近期和远期记忆能力", 4,
        [
            new(4, "总是能保持与社会、年龄相适应的记忆能力，能完整地回忆"),
            new(3, "轻度记忆紊乱或回忆不能（3 个词语经过 5 分钟后仅能回忆 0～1 个）"),
            new(2, "中度记忆紊乱或回忆不能（不能回忆近期记忆，不记得上一顿饭吃了什么）"),
            new(1, "重度记忆紊乱或回忆不能（不能回忆远期记忆，不记得自己的老朋友）"),
            new(0, "记忆完全紊乱，或完全不能对既往事物进行正确的回忆"),
        ]),
        ("B.3.5", CapabilityDomain.Mental, "理解能力", "理解语言信息和非语言信息的能力", 4,
        [
            new(4, "能正常理解他人的话"),
            new(3, "能理解他人的话，但需要增加时间"),
            new(2, "理解有困难，需频繁重复或简化口头表达"),
            new(1, "理解有严重困难，需要大量他人帮助"),
            new(0, "完全不能理解他人的话"),
        ]),
        ("B.3.6", CapabilityDomain.Mental, "表达能力", "表达信息的能力", 4,
        [
            new(4, "能正常表达自己的想法"),
            new(3, "能表达自己的需要，但需要增加时间"),
            new(2, "表达有困难，需频繁重复或简化口头表达"),
            new(1, "表达有严重困难，需要大量他人帮助"),
            new(0, "完全不能表达需要"),
        ]),
        ("B.3.7", CapabilityDomain.Mental, "攻击行为", "身体攻击（打、踢、推、咬、抓、摔东西）和语言攻击（骂人、威胁、尖叫）", 1,
        [
            new(1, "未出现"),
            new(0, "近一个月内出现过攻击行为"),
        ]),
        ("B.3.8", CapabilityDomain.Mental, "抑郁症状", "存在情绪低落、兴趣减退、活力减退等", 1,
        [
            new(1, "未出现"),
            new(0, "近一个月内出现过负性情绪"),
        ]),
        ("B.3.9", CapabilityDomain.Mental, "意识水平", "机体对自身和周围环境的刺激做出应答反应的能力", 2,
        [
            new(2, "神志清醒，对周围环境能做出正确反应"),
            new(1, "嗜睡或意识模糊"),
            new(0, "昏睡或昏迷"),
        ]),
        ("B.4.1", CapabilityDomain.Perception, "视力", "在最好矫正视力下评估", 2,
        [
            new(2, "视力正常"),
            new(1, "能看清大字体但看不清标准字体，或看不清大标题但能辨认物体"),
            new(0, "只能看到光、颜色和形状，或完全失明"),
        ]),
        ("B.4.2", CapabilityDomain.Perception, "听力", "可借助平时使用的助听设备", 2,
        [
            new(2, "听力正常"),
            new(1, "轻声说话或距离超过 2 米时听不清，需在安静环境或大声说话才能听到"),
            new(0, "讲话者大声说话或说话很慢才能部分听见，或完全失聪"),
        ]),
        ("B.4.3", CapabilityDomain.Perception, "执行日常事务", "计划、安排并完成日常事务，如洗衣服、小额购物、服药管理", 4,
        [
            new(4, "能完全独立计划、安排和完成日常事务，无需协助"),
            new(3, "计划、安排和完成日常事务时需要他人监护或指导"),
            new(2, "计划、安排和完成日常事务时需要少量协助"),
            new(1, "计划、安排和完成日常事务时需要大量协助"),
            new(0, "完全依赖他人进行日常事务"),
        ]),
        ("B.4.4", CapabilityDomain.Perception, "使用交通工具外出", null, 3,
        [
            new(3, "能自己骑车或搭乘公共交通工具外出"),
            new(2, "能自己搭乘出租车，但不会搭乘其他公共交通工具外出"),
            new(1, "有人协助或陪伴时，可搭乘公共交通工具外出"),
            new(0, "只能在他人协助下搭乘出租车或私家车外出，或完全不能外出"),
        ]),
        ("B.4.5", CapabilityDomain.Perception, "社会交往能力", null, 4,
        [
            new(4, "参与社会，对社会环境有一定适应能力，待人接物恰当"),
            new(3, "能适应单纯环境，主动接触他人，初见面时难让人发现智力问题"),
            new(2, "脱离社会，可被动接触，不会主动待人，谈话中很多不适词句，容易上当受骗"),
            new(1, "勉强可与他人接触，谈吐内容不清楚，表情不恰当"),
            new(0, "不能与人交往"),
        ]),
    ]);

    /// <summary>§1.1 domain maxima 32 · 15 · 28 · 15 = 90; the items of a domain are contiguous in form order.</summary>
    public static IReadOnlyList<CapabilityDomainInfo> Domains { get; } =
    [
        new(CapabilityDomain.SelfCare, "自理能力", 32, 0, 8),
        new(CapabilityDomain.Motor, "基础运动能力", 15, 8, 4),
        new(CapabilityDomain.Mental, "精神状态", 28, 12, 9),
        new(CapabilityDomain.Perception, "感知觉与社会参与", 15, 21, 5),
    ];

    /// <summary>Item codes in form order, e.g. "B.2.4".</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. Items.Select(i => i.Code)];

    // The maxima in form order, as static data for the allocation-free scorer.
    internal static ReadOnlySpan<byte> MaxScores => [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 4, 4, 4, 4, 4, 4, 1, 1, 2, 2, 2, 4, 3, 4];

    private static readonly Dictionary<string, CapabilityItem> ByCode = Items.ToDictionary(i => i.Code, StringComparer.Ordinal);

    public static CapabilityItem? Item(string code) => ByCode.GetValueOrDefault(code);


    private static CapabilityItem[] Build((string Code, CapabilityDomain Domain, string Name, string? Note, int Max, ScoreOption[] Options)[] rows) =>
        [.. rows.Select((r, i) => new CapabilityItem(i, r.Code, r.Domain, r.Name, r.Note, r.Max, r.Options))];
}

/// <summary>C.4 level-change rules, as applied to one assessment.</summary>
public enum LevelRule
{
    /// <summary>The final level is the initial level from the total score.</summary>
    None,

    /// <summary>R1 处于昏迷状态 → 能力完全丧失.</summary>
    Coma,

    /// <summary>R2 确诊痴呆 (F00–F03) 或精神科专科医生诊断的其他精神和行为障碍 (F04–F99) → 提高一个等级.</summary>
    MentalDisorder,

    /// <summary>R3 近30天内发生过2次及以上照护风险事件 → 提高一个等级.</summary>
    RiskEvents,

    /// <summary>R2 and R3 together: still one step.</summary>
    MentalDisorderAndRiskEvents,
}

/// <summary>
/// The result of scoring an ability form: the four domain sums, the total, the level from the total (C.3) and the level
/// after the change rules (C.4), with the rule that applied. Levels are the standard's codes 0–4.
/// </summary>
public readonly record struct CapabilityScore(int SelfCare, int Motor, int Mental, int Perception, int InitialLevel, int Level, LevelRule Rule)
{
    public int Total => SelfCare + Motor + Mental + Perception;
    public bool LevelChanged => Level != InitialLevel;
    public string LevelName => CapabilityAssessment.LevelName(Level);

    /// <summary>Why the final level differs from the total's, in the report's words; null when no rule applied.</summary>
    public string? RuleText => CapabilityAssessment.RuleText(Rule, LevelChanged);

    public int Of(CapabilityDomain domain) => domain switch
    {
        CapabilityDomain.SelfCare => SelfCare,
        CapabilityDomain.Motor => Motor,
        CapabilityDomain.Mental => Mental,
        CapabilityDomain.Perception => Perception,
        _ => throw new ArgumentOutOfRangeException(nameof(domain)),
    };
}

/// <summary>
/// Scores GB/T 42195-2022 ability forms (STANDARDS.md §1.2, §1.3). <see cref="Validate"/> first: the scorers throw on
/// forms that would not validate, because reaching them with such a form is a bug, not user input.
/// </summary>
public static class CapabilityAssessment
{
    public const int MaxLevel = 4;

    // C.3 lower bounds of levels 0–3 (level 4 is 0–29).
    public const int IntactTotal = 90;
    public const int MildMinTotal = 66;
    public const int ModerateMinTotal = 46;
    public const int SevereMinTotal = 30;

    /// <summary>C.4 R3: 2 or more care-risk events in the last 30 days, summed over the types of 附录A (跌倒、噎食、自杀、自伤、走失…) [U].</summary>
    public const int RiskEventsThreshold = 2;

    private static readonly string[] LevelNames =
    [
        "能力完好",
        "能力轻度受损（轻度失能）",
        "能力中度受损（中度失能）",
        "能力重度受损（重度失能）",
        "能力完全丧失（完全失能）",
    ];

    public static string LevelName(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, MaxLevel);
        return LevelNames[level];
    }

    /// <summary>C.3: 90 → 0; 66–89 → 1; 46–65 → 2; 30–45 → 3; 0–29 → 4.</summary>
    public static int InitialLevel(int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(total, CapabilityForm.MaxTotal);
        return total >= IntactTotal ? 0 : total >= MildMinTotal ? 1 : total >= ModerateMinTotal ? 2 : total >= SevereMinTotal ? 3 : 4;
    }

    /// <summary>
    /// C.4: coma sets 完全丧失 whatever the score; a diagnosed mental disorder or ≥ 2 risk events raise the level by one —
    /// one step even when both hold (the standard's "满足以下任一条件", STANDARDS.md §1.3 [U]) — and never past level 4.
    /// </summary>
    public static (int Level, LevelRule Rule) FinalLevel(int initialLevel, bool coma, bool diagnosedMentalDisorder, int riskEvents30d)
    {
        if (coma) return (MaxLevel, LevelRule.Coma);
        var risk = riskEvents30d >= RiskEventsThreshold;
        var rule = (diagnosedMentalDisorder, risk) switch
        {
            (true, true) => LevelRule.MentalDisorderAndRiskEvents,
            (true, false) => LevelRule.MentalDisorder,
            (false, true) => LevelRule.RiskEvents,
            _ => LevelRule.None,
        };
        return (rule == LevelRule.None ? initialLevel : Math.Min(initialLevel + 1, MaxLevel), rule);
    }

    /// <summary>
    /// Scores one form given as the 26 scores in form order (<see cref="CapabilityForm.Items"/>). Allocates nothing.
    /// </summary>
    public static CapabilityScore Score(ReadOnlySpan<byte> scoresInItemOrder, bool coma, bool diagnosedMentalDisorder, int riskEvents30d)
    {
        if (scoresInItemOrder.Length != CapabilityForm.ItemCount)
            throw new ArgumentException($"需要 {CapabilityForm.ItemCount} 项评分，收到 {scoresInItemOrder.Length} 项。", nameof(scoresInItemOrder));
        ArgumentOutOfRangeException.ThrowIfNegative(riskEvents30d);
        var max = CapabilityForm.MaxScores;
        var s = scoresInItemOrder;
        var over = 0;
        for (var i = 0; i < CapabilityForm.ItemCount; i++) over |= max[i] - s[i]; // negative iff some score exceeds its maximum
        if (over < 0) ThrowOutOfRange(s);

        // Domains are contiguous: 自理 0–7, 运动 8–11, 精神 12–20, 感知觉与社会参与 21–25.
        var selfCare = s[0] + s[1] + s[2] + s[3] + s[4] + s[5] + s[6] + s[7];
        var motor = s[8] + s[9] + s[10] + s[11];
        var mental = s[12] + s[13] + s[14] + s[15] + s[16] + s[17] + s[18] + s[19] + s[20];
        var perception = s[21] + s[22] + s[23] + s[24] + s[25];
        var initial = InitialLevel(selfCare + motor + mental + perception);
        var (level, rule) = FinalLevel(initial, coma, diagnosedMentalDisorder, riskEvents30d);
        return new(selfCare, motor, mental, perception, initial, level, rule);
    }

    /// <summary>Scores one form given as item code → score (e.g. "B.2.4" → 3), as the API receives it.</summary>
    public static CapabilityScore Score(IReadOnlyDictionary<string, int> items, bool coma, bool diagnosedMentalDisorder, int riskEvents30d)
    {
        ArgumentNullException.ThrowIfNull(items);
        Span<byte> scores = stackalloc byte[CapabilityForm.ItemCount];
        var codes = CapabilityForm.Codes;
        var max = CapabilityForm.MaxScores;
        for (var i = 0; i < CapabilityForm.ItemCount; i++)
        {
            if (!items.TryGetValue(codes[i], out var v))
                throw new ArgumentException($"缺少 {codes[i]} 的评分。", nameof(items));
            if ((uint)v > max[i])
                throw new ArgumentException($"{codes[i]} 的分值应为 0 至 {max[i]}，收到 {v}。", nameof(items));
            scores[i] = (byte)v;
        }
        // All 26 codes were found, so any further key is not an item of the form.
        if (items.Count != CapabilityForm.ItemCount)
            throw new ArgumentException("评分中含有不属于本表的项目。", nameof(items));
        return Score(scores, coma, diagnosedMentalDisorder, riskEvents30d);
    }

    /// <summary>
    /// Field errors of a submitted form, keyed like the API's JSON ("items.B.2.4", "riskEvents30d"). A person in a coma
    /// cannot be scored above 0 on B.3.9 意识水平, whose 0 is "昏睡或昏迷".
    /// </summary>
    public static FieldErrors Validate(IReadOnlyDictionary<string, int>? items, bool coma, int riskEvents30d)
    {
        var errors = new FieldErrors();
        if (items is null) errors.Add("items", $"请填写全部 {CapabilityForm.ItemCount} 项评分。");
        else
        {
            foreach (var item in CapabilityForm.Items)
            {
                var key = "items." + item.Code;
                if (!items.TryGetValue(item.Code, out var v)) errors.Add(key, "缺少该项评分。");
                else if (v < 0 || v > item.MaxScore) errors.Add(key, $"{item.Code} {item.Name}的分值应为 0 至 {item.MaxScore}。");
            }
            foreach (var code in items.Keys)
                if (CapabilityForm.Item(code) is null) errors.Add("items." + code, $"{code} 不是老年人能力评估表（GB/T 42195-2022）的评估项目。");
            if (coma && items.TryGetValue("B.3.9", out var consciousness) && consciousness != 0)
                errors.Add("items.B.3.9", "处于昏迷状态的，B.3.9 意识水平应评为 0 分（昏睡或昏迷）。");
        }
        errors.AddIf(riskEvents30d < 0, "riskEvents30d", "近30天照护风险事件次数不能为负数。");
        return errors;
    }

    /// <summary>The rule text of a stored assessment, from what it recorded.</summary>
    public static string? RuleTextFor(int initialLevel, int level, bool coma, bool diagnosedMentalDisorder, int riskEvents30d) =>
        RuleText(FinalLevel(initialLevel, coma, diagnosedMentalDisorder, riskEvents30d).Rule, level != initialLevel);

    internal static string? RuleText(LevelRule rule, bool changed) => (rule, changed) switch
    {
        (LevelRule.None, _) => null,
        (LevelRule.Coma, _) => "处于昏迷状态，直接评定为能力完全丧失（完全失能）",
        (LevelRule.MentalDisorder, true) => "确诊为痴呆或其他精神和行为障碍，在原有能力级别上提高一个等级",
        (LevelRule.MentalDisorder, false) => "确诊为痴呆或其他精神和行为障碍，原有能力级别已为完全丧失，不再提高",
        (LevelRule.RiskEvents, true) => "近30天内发生过2次及以上照护风险事件，在原有能力级别上提高一个等级",
        (LevelRule.RiskEvents, false) => "近30天内发生过2次及以上照护风险事件，原有能力级别已为完全丧失，不再提高",
        (LevelRule.MentalDisorderAndRiskEvents, true) => "确诊为痴呆或其他精神和行为障碍，且近30天内发生过2次及以上照护风险事件，只提高一个等级",
        (LevelRule.MentalDisorderAndRiskEvents, false) => "确诊为痴呆或其他精神和行为障碍，且近30天内发生过2次及以上照护风险事件，原有能力级别已为完全丧失，不再提高",
        _ => null,
    };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange(ReadOnlySpan<byte> scores)
    {
        for (var i = 0; i < scores.Length; i++)
            if (scores[i] > CapabilityForm.MaxScores[i])
                throw new ArgumentException($"{CapabilityForm.Codes[i]} 的分值应为 0 至 {CapabilityForm.MaxScores[i]}，收到 {scores[i]}。", nameof(scores));
    }
}
