using ElderCare.Web.Features.Audit;

namespace ElderCare.Tests.Audit;

/// <summary>等保 2.0 8.1.4.7: tampering with stored audit data is detected.</summary>
public class AuditChainTests
{
    private static List<(AuditFacts Facts, string PreviousHash, string Hash)> Chain(int n)
    {
        var list = new List<(AuditFacts, string, string)>();
        var prev = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var f = new AuditFacts(i, new DateTime(2026, 11, 29, 2, i, 0, DateTimeKind.Utc), "admin", "facility.update", $"facility/{i}", "success",
                "127.0.0.1", null);
            var h = AuditChain.Hash(prev, f);
            list.Add((f, prev, h));
            prev = h;
        }
        return list;
    }

    [Fact]
    public void 完整的哈希链校验通过() => Assert.Null(AuditChain.Verify(Chain(5), expectedLast: 5));

    [Fact]
    public void 修改任一条记录的内容_从该条起校验失败()
    {
        var chain = Chain(5);
        chain[2] = (chain[2].Facts with { Outcome = "failure" }, chain[2].PreviousHash, chain[2].Hash);
        Assert.Equal(3, AuditChain.Verify(chain)!.Sequence);
    }

    [Fact]
    public void 删除中间一条记录_校验指出缺失的序号()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Equal(2, AuditChain.Verify(chain)!.Sequence);
    }

    [Fact]
    public void 删除最后的记录_与链头记录的条数不符()
    {
        var chain = Chain(5);
        chain.RemoveAt(4);
        Assert.Equal(5, AuditChain.Verify(chain, expectedLast: 5)!.Sequence);
    }

    [Fact]
    public void 重算哈希伪造记录_与下一条不衔接()
    {
        var chain = Chain(5);
        var forged = chain[1].Facts with { UserName = "intruder" };
        chain[1] = (forged, chain[1].PreviousHash, AuditChain.Hash(chain[1].PreviousHash, forged));
        Assert.Equal(3, AuditChain.Verify(chain)!.Sequence);
    }
}
