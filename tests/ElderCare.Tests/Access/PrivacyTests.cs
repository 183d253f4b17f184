using System.Security.Cryptography;
using ElderCare.Web.Infrastructure.Privacy;

namespace ElderCare.Tests.Access;

public class PrivacyTests
{
    [Fact]
    public void 身份证号默认脱敏_保留前6位和后4位() => Assert.Equal("500153********123X", Masking.IdNumber("50015319450312123X"));

    [Fact]
    public void 手机号默认脱敏_保留前3位和后4位() => Assert.Equal("138****1234", Masking.Phone("13812341234"));

    [Fact]
    public void 姓名脱敏只留姓() => Assert.Equal("张**", Masking.Name("张三丰"));

    private static FieldProtector Protector(string primary = "k1", params (string Id, byte[] Key)[] keys) =>
        new(keys.ToDictionary(k => k.Id, k => k.Key), primary, Index);

    private static readonly byte[] Index = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] K1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] K2 = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void 字段加密AES_GCM_密文不含明文_解密还原()
    {
        var p = Protector("k1", ("k1", K1));
        var stored = p.Protect("50015319450312123X")!;
        Assert.StartsWith("k1:", stored);
        Assert.DoesNotContain("50015319450312123X", stored);
        Assert.NotEqual(stored, p.Protect("50015319450312123X")); // a fresh nonce each time
        Assert.Equal("50015319450312123X", p.Unprotect(stored));
    }

    [Fact]
    public void 密钥可轮换_旧密文仍可解密_新值用主密钥()
    {
        var old = Protector("k1", ("k1", K1)).Protect("13812341234");
        var rotated = Protector("k2", ("k1", K1), ("k2", K2));
        Assert.Equal("13812341234", rotated.Unprotect(old));
        Assert.True(rotated.NeedsRotation(old));
        Assert.StartsWith("k2:", rotated.Protect("13812341234"));
    }

    [Fact]
    public void 密文被篡改时解密失败()
    {
        var p = Protector("k1", ("k1", K1));
        var stored = p.Protect("13812341234")!;
        var bytes = Convert.FromBase64String(stored[3..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => p.Unprotect("k1:" + Convert.ToBase64String(bytes)));
        Assert.ThrowsAny<CryptographicException>(() => p.Unprotect("k9:" + stored[3..]));
    }

    [Fact]
    public void 盲索引确定且带密钥_可按身份证号精确查找()
    {
        var p = Protector("k1", ("k1", K1));
        Assert.Equal(p.BlindIndex("50015319450312123x"), p.BlindIndex("50015319450312123X"));
        Assert.NotEqual(p.BlindIndex("500153195001010024"), p.BlindIndex("50015319450312123X"));
        var other = new FieldProtector(new Dictionary<string, byte[]> { ["k1"] = K1 }, "k1", RandomNumberGenerator.GetBytes(32));
        Assert.NotEqual(p.BlindIndex("50015319450312123X"), other.BlindIndex("50015319450312123X"));
    }
}
