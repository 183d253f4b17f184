using ElderCare.Web.Features.Assessments;

namespace ElderCare.Tests.Assessments;

/// <summary>Barthel 指数 (STANDARDS.md §3).</summary>
public class BarthelTests
{
    private static Dictionary<string, int> Full() => Barthel.Items.ToDictionary(i => i.Code, i => i.MaxScore);

    private static Dictionary<string, int> Form(Action<Dictionary<string, int>> change)
    {
        var f = Full();
        change(f);
        return f;
    }

    [Fact]
    public void 十项评分_满分合计100分为无需依赖()
    {
        Assert.Equal(10, Barthel.Items.Count);
        var s = Barthel.Score(Full());
        Assert.Equal(100, s.Total);
        Assert.Equal(BarthelDependency.None, s.Dependency);
        Assert.Equal("无需依赖", s.DependencyName);
    }

    [Theory]
    [InlineData("feeding", "进食", new[] { 10, 5, 0 })]
    [InlineData("bathing", "洗澡", new[] { 5, 0 })]
    [InlineData("grooming", "修饰", new[] { 5, 0 })]
    [InlineData("dressing", "穿衣", new[] { 10, 5, 0 })]
    [InlineData("bowels", "大便控制", new[] { 10, 5, 0 })]
    [InlineData("bladder", "小便控制", new[] { 10, 5, 0 })]
    [InlineData("toilet", "如厕", new[] { 10, 5, 0 })]
    [InlineData("transfer", "床椅转移", new[] { 15, 10, 5, 0 })]
    [InlineData("mobility", "平地行走", new[] { 15, 10, 5, 0 })]
    [InlineData("stairs", "上下楼梯", new[] { 10, 5, 0 })]
    public void 各项的可选分值(string code, string name, int[] scores)
    {
        var item = Barthel.Item(code)!;
        Assert.Equal(name, item.Name);
        Assert.Equal(scores, item.Options.Select(o => o.Score));
        Assert.All(item.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Text)));
    }

    [Theory]
    [InlineData(100, BarthelDependency.None, "无需依赖")]
    [InlineData(99, BarthelDependency.Mild, "轻度依赖")]
    [InlineData(95, BarthelDependency.Mild, "轻度依赖")]
    [InlineData(61, BarthelDependency.Mild, "轻度依赖")]
    [InlineData(60, BarthelDependency.Moderate, "中度依赖")]
    [InlineData(41, BarthelDependency.Moderate, "中度依赖")]
    [InlineData(40, BarthelDependency.Severe, "重度依赖")]
    [InlineData(0, BarthelDependency.Severe, "重度依赖")]
    public void 护理分级_100分无需依赖_61至99分轻度依赖_41至60分中度依赖_40分及以下重度依赖(int total, BarthelDependency grade, string name)
    {
        Assert.Equal(grade, Barthel.Grade(total));
        Assert.Equal(name, Barthel.NameOf(grade));
    }

    [Fact]
    public void 逐项评分合计()
    {
        // 进食10 洗澡0 修饰5 穿衣5 大便10 小便5 如厕5 床椅转移10 平地行走10 上下楼梯0 = 60 → 中度依赖
        int[] scores = [10, 0, 5, 5, 10, 5, 5, 10, 10, 0];
        var s = Barthel.Score(scores);
        Assert.Equal((60, BarthelDependency.Moderate), (s.Total, s.Dependency));
        var form = Barthel.Items.ToDictionary(i => i.Code, i => scores[i.Index]);
        Assert.Equal(s, Barthel.Score(form));
        Assert.Equal(0, Barthel.Score(new int[10]).Total);
    }

    [Theory]
    [InlineData("feeding", 7, "进食的分值应为 0、5 或 10。")]
    [InlineData("bathing", 10, "洗澡的分值应为 0 或 5。")]
    [InlineData("transfer", 20, "床椅转移的分值应为 0、5、10 或 15。")]
    [InlineData("stairs", -5, "上下楼梯的分值应为 0、5 或 10。")]
    public void 不在可选分值内的按字段指出(string code, int score, string message)
    {
        var errors = Barthel.Validate(Form(f => f[code] = score)).ToDictionary();
        Assert.Equal([message], errors["items." + code]);
        Assert.Throws<ArgumentException>(() => Barthel.Score(Form(f => f[code] = score)));
    }

    [Fact]
    public void 缺项_多余项目与未提交都报错()
    {
        Assert.False(Barthel.Validate(Full()).Any);
        Assert.Equal(["缺少该项评分。"], Barthel.Validate(Form(f => f.Remove("toilet"))).ToDictionary()["items.toilet"]);
        Assert.Equal(["walking 不是 Barthel 指数的评估项目。"], Barthel.Validate(Form(f => f["walking"] = 15)).ToDictionary()["items.walking"]);
        Assert.Equal(["请填写全部 10 项评分。"], Barthel.Validate(null).ToDictionary()["items"]);
        Assert.Throws<ArgumentException>(() => Barthel.Score(new int[9]));
    }
}
