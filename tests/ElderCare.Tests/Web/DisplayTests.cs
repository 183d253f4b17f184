using ElderCare.Web.Features.Shared;

namespace ElderCare.Tests.Web;

public class DisplayTests
{
    [Theory]
    [InlineData(12.5, "12:30")]
    [InlineData(0.75, "0:45")]
    [InlineData(29.999, "30:00")] // rounded to the second
    [InlineData(61.0, "61:00")]
    public void 时长显示为分秒_不写成带小数的分钟(double minutes, string shown) => Assert.Equal(shown, Display.MinutesSeconds(minutes));

    [Fact]
    public void 没有时长显示为数据缺失的占位() => Assert.Equal(Display.Unknown, Display.MinutesSeconds(null));

    [Fact]
    public void 金额以元显示两位小数() => Assert.Equal("1,234.50 元", Display.Yuan(123450));
}
