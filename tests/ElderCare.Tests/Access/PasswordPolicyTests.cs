using ElderCare.Web.Infrastructure.Auth;

namespace ElderCare.Tests.Access;

/// <summary>等保 2.0 8.1.4.1 a / QUALITY.md S1.</summary>
public class PasswordPolicyTests
{
    [Theory]
    [InlineData("Rongchang#2026ok", true)]
    [InlineData("rongchang2026ok!", true)]   // lower, digit, symbol
    [InlineData("Short#2026", false)]       // 10 characters
    [InlineData("rongchangyanglao", false)] // one class
    [InlineData("rongchang2026ok", false)]  // two classes
    public void 密码至少12位且包含四类字符中的三类(string password, bool ok) =>
        Assert.Equal(ok, PasswordPolicy.Check(password).Count == 0);

    [Theory]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("Qwertyuiop123")]
    [InlineData("Password1234!")]
    [InlineData("Woaini1314520")]
    public void 常见密码一律拒绝_包括只在常见密码后加数字或符号的(string password) =>
        Assert.Contains(PasswordPolicy.Check(password), p => p.Contains("常见密码"));

    [Fact]
    public void 密码不能包含用户名() =>
        Assert.Contains(PasswordPolicy.Check("Zhangwei#2026x", "zhangwei"), p => p.Contains("用户名"));

    [Fact]
    public void 特权角色密码每90天必须更换()
    {
        var now = new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc);
        Assert.False(PasswordPolicy.MustRotate(true, now.AddDays(-90), now));
        Assert.True(PasswordPolicy.MustRotate(true, now.AddDays(-91), now));
        Assert.True(PasswordPolicy.MustRotate(true, null, now));
        Assert.False(PasswordPolicy.MustRotate(false, now.AddDays(-400), now));
    }
}
