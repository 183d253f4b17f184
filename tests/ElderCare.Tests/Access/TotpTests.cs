using System.Text;
using ElderCare.Web.Infrastructure.Auth;

namespace ElderCare.Tests.Access;

/// <summary>RFC 6238 Appendix B test vectors (SHA-1, seed "12345678901234567890", 8 digits).</summary>
public class TotpTests
{
    private static readonly byte[] Seed = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void RFC6238附录B的测试向量(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(Seed, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)), 8));

    [Fact]
    public void 接受前后一个时间步_已用过的时间步不能重放()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var step = Totp.StepAt(now);
        var code = Totp.Code(Seed, step);
        Assert.Equal(step, Totp.Verify(Seed, code, now, lastUsedStep: null));
        Assert.Equal(step, Totp.Verify(Seed, code, now.AddSeconds(30), lastUsedStep: null));
        Assert.Null(Totp.Verify(Seed, code, now.AddSeconds(90), lastUsedStep: null));
        Assert.Null(Totp.Verify(Seed, code, now, lastUsedStep: step));
        Assert.Null(Totp.Verify(Seed, "12345", now, null));
        Assert.Null(Totp.Verify(Seed, "abcdef", now, null));
    }

    [Fact]
    public void Base32编码符合RFC4648() => Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.Base32(Seed));
}
