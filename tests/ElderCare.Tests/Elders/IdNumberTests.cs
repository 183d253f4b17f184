using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Elders;

namespace ElderCare.Tests.Elders;

/// <summary>GB 11643-1999 公民身份号码, with every vector of STANDARDS.md §4.</summary>
public class IdNumberTests
{
    private static readonly DateOnly Today = new(2026, 1, 15);

    [Theory]
    [InlineData("11010519491231002X", 167, "1949-12-31", false)]
    [InlineData("440524188001010014", 195, "1880-01-01", true)]
    [InlineData("50015319450312123X", 211, "1945-03-12", true)]
    [InlineData("500153195001010024", 151, "1950-01-01", false)]
    [InlineData("500153196001010045", 161, "1960-01-01", false)]
    [InlineData("500153195610010310", 177, "1956-10-01", true)]
    [InlineData("50015319520815018X", 266, "1952-08-15", false)]
    [InlineData("500226194503121236", 204, "1945-03-12", true)]
    public void 十八位号码由地址码_出生日期_顺序码和校验码组成_顺序码奇数为男(string id, int weightedSum, string birth, bool male)
    {
        var r = IdNumber.Parse(id, Today);
        Assert.True(r.IsValid, r.Error);
        Assert.Equal(id, r.Number);
        Assert.Equal(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), r.BirthDate);
        Assert.Equal(male, r.IsMale);
        Assert.Equal(male ? Sex.Male : Sex.Female, r.Sex);
        Assert.Equal(id[..6], r.AddressCode);
        Assert.False(r.Upgraded);
        Assert.Equal(weightedSum, IdNumber.WeightedSum(id.AsSpan(0, 17)));
        Assert.Equal(id[17], IdNumber.CheckDigit(id.AsSpan(0, 17)));
    }

    [Fact]
    public void 校验码按ISO7064_MOD11_2计算_余数0至10对应1_0_X_9_8_7_6_5_4_3_2()
    {
        // §4: S mod 11 of the vectors: 167 → 2 → X; 195 → 8 → 4; 177 → 1 → 0; 204 → 6 → 6; 161 → 7 → 5.
        Assert.Equal('X', IdNumber.CheckDigit("11010519491231002"));
        Assert.Equal('4', IdNumber.CheckDigit("44052418800101001"));
        Assert.Equal('0', IdNumber.CheckDigit("50015319561001031"));
        Assert.Equal('6', IdNumber.CheckDigit("50022619450312123"));
        Assert.Equal('5', IdNumber.CheckDigit("50015319600101004"));
    }

    [Fact]
    public void 原荣昌县行政区划代码500226的身份证号码终身有效_不得拒绝()
    {
        var r = IdNumber.Parse("500226194503121236", Today);
        Assert.True(r.IsValid);
        Assert.Equal("500226", r.AddressCode);
    }

    [Fact]
    public void 小写x按大写X保存()
    {
        var r = IdNumber.Parse("11010519491231002x", Today);
        Assert.True(r.IsValid, r.Error);
        Assert.Equal("11010519491231002X", r.Number);
    }

    [Fact]
    public void 前后空格忽略()
    {
        Assert.Equal("500153195001010024", IdNumber.Parse("  500153195001010024 ", Today).Number);
    }

    [Fact]
    public void 校验码错误_提示应为何值()
    {
        var r = IdNumber.Parse("500153195001010025", Today);
        Assert.False(r.IsValid);
        Assert.Equal("身份证号码校验位不符：按前 17 位计算，最后一位应为 4，请核对号码。", r.Error);
    }

    [Fact]
    public void 出生日期必须是真实日期_1938年2月29日不存在()
    {
        // §4: the checksum of this vector is right (S = 230, S mod 11 = 10 → '2'); only the date is impossible.
        Assert.Equal(230, IdNumber.WeightedSum("50015319380229001"));
        Assert.Equal('2', IdNumber.CheckDigit("50015319380229001"));
        var r = IdNumber.Parse("500153193802290012", Today);
        Assert.False(r.IsValid);
        Assert.Equal("身份证号码中的出生日期 1938-02-29 不存在。", r.Error);
    }

    [Theory]
    [InlineData("500153194513011238")]
    [InlineData("500153194500011238")]
    [InlineData("500153194504311238")]
    [InlineData("500153194504001238")]
    public void 月份和日期超出范围的出生日期不存在(string id)
    {
        var r = IdNumber.Parse(id, Today);
        Assert.False(r.IsValid);
        Assert.EndsWith("不存在。", r.Error);
    }

    [Theory]
    [InlineData("5001531945031212", 16)]
    [InlineData("50015319450312123X1", 19)]
    [InlineData("5001531", 7)]
    public void 号码应为18位或15位旧号码(string id, int length)
    {
        var r = IdNumber.Parse(id, Today);
        Assert.False(r.IsValid);
        Assert.Equal($"身份证号码应为 18 位（旧号码为 15 位），现为 {length} 位。", r.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void 未填写号码(string? id) => Assert.Equal("请填写身份证号码。", IdNumber.Parse(id, Today).Error);

    [Theory]
    [InlineData("5001531945031212X3")]
    [InlineData("50015319450312123Y")]
    [InlineData("５00153195001010024")]
    [InlineData("50015319450312 23X")]
    public void 前17位只能是数字_最后一位是数字或X(string id)
    {
        var r = IdNumber.Parse(id, Today);
        Assert.False(r.IsValid);
        Assert.Equal("身份证号码前 17 位应为数字，最后一位应为数字或 X。", r.Error);
    }

    [Fact]
    public void 十五位旧号码插入19并补校验码升为18位()
    {
        // §4: 500153451231123 → S = 224, S mod 11 = 4 → '8'.
        Assert.Equal(224, IdNumber.WeightedSum("50015319451231123"));
        var r = IdNumber.Parse("500153451231123", Today);
        Assert.True(r.IsValid, r.Error);
        Assert.Equal("500153194512311238", r.Number);
        Assert.Equal(new DateOnly(1945, 12, 31), r.BirthDate);
        Assert.True(r.IsMale);
        Assert.True(r.Upgraded);
    }

    [Fact]
    public void 十五位旧号码应全部为数字()
    {
        Assert.Equal("15 位旧身份证号码应全部为数字。", IdNumber.Parse("50015345123112X", Today).Error);
    }

    [Theory]
    [InlineData("20260116", "20260115", "身份证号码中的出生日期 2026-01-16 晚于今天（2026-01-15）。")] // 出生日期不能晚于今天
    [InlineData("17991231", "18000101", "身份证号码中的出生年份 1799 早于 1800 年，不是有效的出生日期。")] // 出生年份不早于1800年
    public void 出生日期不能晚于今天_出生年份不早于1800年(string refused, string accepted, string error)
    {
        var r = IdNumber.Parse(Make.WithCheckDigit("500153" + refused + "001"), Today);
        Assert.False(r.IsValid);
        Assert.Equal(error, r.Error);
        Assert.True(IdNumber.Parse(Make.WithCheckDigit("500153" + accepted + "002"), Today).IsValid);
    }

    [Theory]
    [InlineData("1966-01-15", "2026-01-15", 60)]
    [InlineData("1966-01-16", "2026-01-15", 59)]
    [InlineData("1966-12-31", "2026-01-15", 59)]
    [InlineData("1945-03-12", "2026-01-15", 80)]
    [InlineData("2026-01-15", "2026-01-15", 0)]
    public void 年龄按周岁计算_年满60周岁以60岁生日当天为准(string birth, string on, int age) =>
        Assert.Equal(age, IdNumber.Age(D(birth), D(on)));

    [Theory]
    [InlineData("2025-02-28", 60)]
    [InlineData("2025-03-01", 61)]
    [InlineData("2028-02-28", 63)]
    [InlineData("2028-02-29", 64)]
    public void 二月二十九日出生的_平年在3月1日满周岁_闰年在2月29日(string on, int age) =>
        Assert.Equal(age, IdNumber.Age(new DateOnly(1964, 2, 29), D(on)));

    [Fact]
    public void 计算日期早于出生日期是调用错误() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IdNumber.Age(new DateOnly(1950, 1, 2), new DateOnly(1950, 1, 1)));

    [Fact]
    public void 校验码只对17位数字计算()
    {
        Assert.Throws<ArgumentException>(() => IdNumber.CheckDigit("5001531945031212"));
        Assert.Throws<ArgumentException>(() => IdNumber.CheckDigit("5001531945031212X"));
    }

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
