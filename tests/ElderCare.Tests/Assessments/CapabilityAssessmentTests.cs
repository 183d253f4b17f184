using ElderCare.Web.Features.Assessments;

namespace ElderCare.Tests.Assessments;

/// <summary>GB/T 42195-2022 老年人能力评估, with every vector of STANDARDS.md §1.2 and §1.3.</summary>
public class CapabilityAssessmentTests
{
    /// <summary>A real form with the given total: start from full marks and take points off item by item in form order.</summary>
    private static byte[] Scores(int total)
    {
        var deficit = CapabilityForm.MaxTotal - total;
        return [.. CapabilityForm.Items.Select(i =>
        {
            var take = Math.Min(deficit, i.MaxScore);
            deficit -= take;
            return (byte)(i.MaxScore - take);
        })];
    }

    private static Dictionary<string, int> Form(int total, Action<Dictionary<string, int>>? change = null)
    {
        var scores = Scores(total);
        var form = CapabilityForm.Items.ToDictionary(i => i.Code, i => (int)scores[i.Index]);
        change?.Invoke(form);
        return form;
    }

    private static CapabilityScore Score(int total, bool coma = false, bool dementia = false, int riskEvents = 0) =>
        CapabilityAssessment.Score(Form(total), coma, dementia, riskEvents);

    [Fact]
    public void 评估表有26项_四个一级指标满分为自理能力32_基础运动能力15_精神状态28_感知觉与社会参与15_合计90()
    {
        Assert.Equal(26, CapabilityForm.Items.Count);
        Assert.Equal(Enumerable.Range(0, 26), CapabilityForm.Items.Select(i => i.Index));
        Assert.Equal(
            ["B.1.1", "B.1.2", "B.1.3", "B.1.4", "B.1.5", "B.1.6", "B.1.7", "B.1.8", "B.2.1", "B.2.2", "B.2.3", "B.2.4",
             "B.3.1", "B.3.2", "B.3.3", "B.3.4", "B.3.5", "B.3.6", "B.3.7", "B.3.8", "B.3.9", "B.4.1", "B.4.2", "B.4.3", "B.4.4", "B.4.5"],
            CapabilityForm.Codes);
        Assert.Equal(
            [("自理能力", 32, 8), ("基础运动能力", 15, 4), ("精神状态", 28, 9), ("感知觉与社会参与", 15, 5)],
            CapabilityForm.Domains.Select(d => (d.Name, d.MaxScore, d.ItemCount)));
        foreach (var d in CapabilityForm.Domains)
        {
            var items = CapabilityForm.Items.Where(i => i.Domain == d.Domain).ToList();
            Assert.Equal(d.MaxScore, items.Sum(i => i.MaxScore));
            Assert.Equal(Enumerable.Range(d.FirstItem, d.ItemCount), items.Select(i => i.Index));
        }
        Assert.Equal(90, CapabilityForm.Items.Sum(i => i.MaxScore));
    }

    [Theory]
    [InlineData("B.2.4", "上下楼梯", 3)]
    [InlineData("B.3.7", "攻击行为", 1)]
    [InlineData("B.3.8", "抑郁症状", 1)]
    [InlineData("B.3.9", "意识水平", 2)]
    [InlineData("B.4.1", "视力", 2)]
    [InlineData("B.4.2", "听力", 2)]
    [InlineData("B.4.4", "使用交通工具外出", 3)]
    [InlineData("B.1.1", "进食", 4)]
    public void 不按4分制计分的项目有各自的满分(string code, string name, int max)
    {
        var item = CapabilityForm.Item(code)!;
        Assert.Equal(name, item.Name);
        Assert.Equal(max, item.MaxScore);
    }

    [Fact]
    public void 每项的评分选项从满分到0分逐一列出中文说明()
    {
        foreach (var item in CapabilityForm.Items)
        {
            Assert.Equal(Enumerable.Range(0, item.MaxScore + 1).Reverse(), item.Options.Select(o => o.Score));
            Assert.All(item.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Text)));
        }
        Assert.Equal("独立完成，不需要他人协助", CapabilityForm.Item("B.1.2")!.Options[0].Text);
        Assert.Equal("完全依赖他人协助，且不能给予配合", CapabilityForm.Item("B.1.2")!.Options[^1].Text);
        Assert.Contains("昏迷", CapabilityForm.Item("B.3.9")!.Options.Single(o => o.Score == 0).Text);
    }

    [Fact]
    public void 总分90分为能力完好0级()
    {
        var s = Score(90);
        Assert.Equal(90, s.Total);
        Assert.Equal(0, s.Level);
        Assert.Equal("能力完好", s.LevelName);
        Assert.Equal(LevelRule.None, s.Rule);
        Assert.Null(s.RuleText);
    }

    [Theory]
    [InlineData(90, 0)]
    [InlineData(89, 1)]
    [InlineData(66, 1)]
    [InlineData(65, 2)]
    [InlineData(46, 2)]
    [InlineData(45, 3)]
    [InlineData(30, 3)]
    [InlineData(29, 4)]
    [InlineData(0, 4)]
    public void 初始等级按C3总分划分_90分0级_66至89分1级_46至65分2级_30至45分3级_0至29分4级(int total, int level)
    {
        var s = Score(total);
        Assert.Equal(total, s.Total);
        Assert.Equal(level, s.InitialLevel);
        Assert.Equal(level, s.Level);
        Assert.False(s.LevelChanged);
        Assert.Equal(level, CapabilityAssessment.InitialLevel(total));
    }

    [Fact]
    public void 初始等级表覆盖0至90每一个总分()
    {
        var levels = Enumerable.Range(0, 91).Select(CapabilityAssessment.InitialLevel).ToList();
        Assert.Equal(30, levels.Count(l => l == 4));
        Assert.Equal(16, levels.Count(l => l == 3));
        Assert.Equal(20, levels.Count(l => l == 2));
        Assert.Equal(24, levels.Count(l => l == 1));
        Assert.Equal(1, levels.Count(l => l == 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CapabilityAssessment.InitialLevel(91));
        Assert.Throws<ArgumentOutOfRangeException>(() => CapabilityAssessment.InitialLevel(-1));
    }

    [Theory]
    [InlineData(0, "能力完好")]
    [InlineData(1, "能力轻度受损（轻度失能）")]
    [InlineData(2, "能力中度受损（中度失能）")]
    [InlineData(3, "能力重度受损（重度失能）")]
    [InlineData(4, "能力完全丧失（完全失能）")]
    public void 五个能力等级的名称(int level, string name) => Assert.Equal(name, CapabilityAssessment.LevelName(level));

    [Theory]
    [InlineData(70, false, true, 0, 2)]
    [InlineData(70, false, true, 3, 2)]
    [InlineData(20, false, true, 0, 4)]
    [InlineData(90, true, false, 0, 4)]
    [InlineData(90, false, false, 1, 0)]
    public void C4等级变更规则的全部测试向量(int total, bool coma, bool dementia, int riskEvents, int level) =>
        Assert.Equal(level, Score(total, coma, dementia, riskEvents).Level);

    [Fact]
    public void 处于昏迷状态者直接评定为能力完全丧失_即使总分90分()
    {
        var s = Score(90, coma: true);
        Assert.Equal(0, s.InitialLevel);
        Assert.Equal(4, s.Level);
        Assert.Equal("能力完全丧失（完全失能）", s.LevelName);
        Assert.Equal(LevelRule.Coma, s.Rule);
        Assert.True(s.LevelChanged);
        Assert.Equal("处于昏迷状态，直接评定为能力完全丧失（完全失能）", s.RuleText);
    }

    [Fact]
    public void 确诊痴呆者在原有能力级别上提高一个等级_70分由1级升为2级()
    {
        var s = Score(70, dementia: true);
        Assert.Equal((1, 2), (s.InitialLevel, s.Level));
        Assert.Equal(LevelRule.MentalDisorder, s.Rule);
        Assert.Equal("确诊为痴呆或其他精神和行为障碍，在原有能力级别上提高一个等级", s.RuleText);
    }

    [Fact]
    public void 痴呆且近30天跌倒3次_两条规则同时满足也只提高一个等级()
    {
        var s = Score(70, dementia: true, riskEvents: 3);
        Assert.Equal((1, 2), (s.InitialLevel, s.Level));
        Assert.Equal(LevelRule.MentalDisorderAndRiskEvents, s.Rule);
        Assert.Contains("只提高一个等级", s.RuleText);
    }

    [Fact]
    public void 原有等级已为完全丧失的不再提高_20分加痴呆仍为4级()
    {
        var s = Score(20, dementia: true);
        Assert.Equal((4, 4), (s.InitialLevel, s.Level));
        Assert.Equal(LevelRule.MentalDisorder, s.Rule);
        Assert.False(s.LevelChanged);
        Assert.Contains("不再提高", s.RuleText);
    }

    [Fact]
    public void 近30天只发生1次照护风险事件不提高等级()
    {
        var s = Score(90, riskEvents: 1);
        Assert.Equal(0, s.Level);
        Assert.Equal(LevelRule.None, s.Rule);
    }

    [Fact]
    public void 近30天各类照护风险事件合计2次及以上即提高一个等级()
    {
        // 跌倒 1 次 + 噎食 1 次: the counts of form A are summed over the types (STANDARDS.md §1.3 [U]).
        var s = Score(50, riskEvents: 1 + 1);
        Assert.Equal((2, 3), (s.InitialLevel, s.Level));
        Assert.Equal(LevelRule.RiskEvents, s.Rule);
        Assert.Equal("近30天内发生过2次及以上照护风险事件，在原有能力级别上提高一个等级", s.RuleText);
    }

    [Fact]
    public void 一级指标得分分别合计()
    {
        // 66 = full marks less 24 points taken from the first six 自理能力 items.
        var s = Score(66);
        Assert.Equal((8, 15, 28, 15), (s.SelfCare, s.Motor, s.Mental, s.Perception));
        Assert.Equal(8, s.Of(CapabilityDomain.SelfCare));

        // A typical mildly impaired elder, scored item by item.
        var form = new Dictionary<string, int>
        {
            ["B.1.1"] = 4, ["B.1.2"] = 3, ["B.1.3"] = 2, ["B.1.4"] = 4, ["B.1.5"] = 3, ["B.1.6"] = 3, ["B.1.7"] = 4, ["B.1.8"] = 3,
            ["B.2.1"] = 4, ["B.2.2"] = 3, ["B.2.3"] = 3, ["B.2.4"] = 1,
            ["B.3.1"] = 4, ["B.3.2"] = 3, ["B.3.3"] = 4, ["B.3.4"] = 3, ["B.3.5"] = 4, ["B.3.6"] = 4, ["B.3.7"] = 1, ["B.3.8"] = 0, ["B.3.9"] = 2,
            ["B.4.1"] = 1, ["B.4.2"] = 1, ["B.4.3"] = 2, ["B.4.4"] = 1, ["B.4.5"] = 3,
        };
        var r = CapabilityAssessment.Score(form, coma: false, diagnosedMentalDisorder: false, riskEvents30d: 0);
        Assert.Equal((26, 11, 25, 8, 70), (r.SelfCare, r.Motor, r.Mental, r.Perception, r.Total));
        Assert.Equal(1, r.Level);
    }

    [Fact]
    public void 按项目顺序的评分与按项目代码的评分结果相同()
    {
        var random = new Random(42);
        for (var n = 0; n < 2000; n++)
        {
            var scores = CapabilityForm.Items.Select(i => (byte)random.Next(i.MaxScore + 1)).ToArray();
            var form = CapabilityForm.Items.ToDictionary(i => i.Code, i => (int)scores[i.Index]);
            var (coma, dementia, risk) = (random.Next(20) == 0, random.Next(4) == 0, random.Next(4));
            var bySpan = CapabilityAssessment.Score(scores, coma, dementia, risk);
            Assert.Equal(bySpan, CapabilityAssessment.Score(form, coma, dementia, risk));
            foreach (var d in CapabilityForm.Domains)
                Assert.Equal(CapabilityForm.Items.Where(i => i.Domain == d.Domain).Sum(i => form[i.Code]), bySpan.Of(d.Domain));
            Assert.Equal(form.Values.Sum(), bySpan.Total);
        }
    }

    [Fact]
    public void 按项目顺序评分不分配内存()
    {
        var scores = Scores(55);
        CapabilityAssessment.Score(scores, false, true, 2); // warm up: static data, JIT
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0;
        for (var i = 0; i < 1000; i++) sum += CapabilityAssessment.Score(scores, false, i % 2 == 0, i % 3).Level;
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }

    [Fact]
    public void 填写完整且分值在范围内的评估表没有错误() =>
        Assert.False(CapabilityAssessment.Validate(Form(70), coma: false, riskEvents30d: 0).Any);

    [Fact]
    public void 缺少的评分项按字段指出_缺少该项评分()
    {
        var errors = CapabilityAssessment.Validate(Form(70, f => f.Remove("B.2.4")), coma: false, riskEvents30d: 0).ToDictionary();
        Assert.Equal(["缺少该项评分。"], errors["items.B.2.4"]);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("B.2.4", 4, "B.2.4 上下楼梯的分值应为 0 至 3。")]
    [InlineData("B.2.4", -1, "B.2.4 上下楼梯的分值应为 0 至 3。")]
    [InlineData("B.1.1", 5, "B.1.1 进食的分值应为 0 至 4。")]
    [InlineData("B.3.7", 2, "B.3.7 攻击行为的分值应为 0 至 1。")]
    [InlineData("B.4.4", 4, "B.4.4 使用交通工具外出的分值应为 0 至 3。")]
    public void 分值超出该项范围的按字段指出(string code, int score, string message)
    {
        var errors = CapabilityAssessment.Validate(Form(70, f => f[code] = score), coma: false, riskEvents30d: 0).ToDictionary();
        Assert.Equal([message], errors["items." + code]);
    }

    [Fact]
    public void 不属于评估表的项目代码报错()
    {
        var errors = CapabilityAssessment.Validate(Form(70, f => f["B.5.1"] = 1), coma: false, riskEvents30d: 0).ToDictionary();
        Assert.Equal(["B.5.1 不是老年人能力评估表（GB/T 42195-2022）的评估项目。"], errors["items.B.5.1"]);
    }

    [Fact]
    public void 未提交评分与照护风险事件为负数都报错()
    {
        var errors = CapabilityAssessment.Validate(null, coma: false, riskEvents30d: -1).ToDictionary();
        Assert.Equal(["请填写全部 26 项评分。"], errors["items"]);
        Assert.Equal(["近30天照护风险事件次数不能为负数。"], errors["riskEvents30d"]);
    }

    [Fact]
    public void 处于昏迷状态的意识水平只能评0分()
    {
        var errors = CapabilityAssessment.Validate(Form(90), coma: true, riskEvents30d: 0).ToDictionary();
        Assert.Equal(["处于昏迷状态的，B.3.9 意识水平应评为 0 分（昏睡或昏迷）。"], errors["items.B.3.9"]);
        Assert.False(CapabilityAssessment.Validate(Form(90, f => f["B.3.9"] = 0), coma: true, riskEvents30d: 0).Any);
    }

    [Fact]
    public void 未通过校验的评估表不能计分()
    {
        Assert.Throws<ArgumentException>(() => CapabilityAssessment.Score(Form(70, f => f.Remove("B.1.1")), false, false, 0));
        Assert.Throws<ArgumentException>(() => CapabilityAssessment.Score(Form(70, f => f["B.2.4"] = 4), false, false, 0));
        Assert.Throws<ArgumentException>(() => CapabilityAssessment.Score(Form(70, f => f["B.1.1"] = -1), false, false, 0));
        Assert.Throws<ArgumentException>(() => CapabilityAssessment.Score(Form(70, f => f["X"] = 0), false, false, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CapabilityAssessment.Score(Form(70), false, false, -1));
        Assert.Throws<ArgumentException>(() => CapabilityAssessment.Score(new byte[25], false, false, 0));
        var tooHigh = Scores(90);
        tooHigh[11] = 4; // B.2.4 上下楼梯 max 3
        Assert.Throws<ArgumentException>(() => CapabilityAssessment.Score(tooHigh, false, false, 0));
    }
}
