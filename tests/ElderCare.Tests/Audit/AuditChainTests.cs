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
    public void 记录时间按数据库保存的精度_微秒_计入哈希_读回后校验仍通过()
    {
        var clockTime = new DateTime(2026, 12, 4, 1, 2, 3, DateTimeKind.Utc).AddTicks(1_234_567); // 100-ns ticks, as a real clock
        var stored = AuditChain.AsStored(clockTime);
        Assert.Equal(clockTime.AddTicks(-7), stored); // PostgreSQL keeps 1,234,560 ticks (123,456 µs)
        Assert.Equal(stored, AuditChain.AsStored(stored));
        var facts = new AuditFacts(1, stored, "admin", "user.register", "user/1", "success", null, null);
        var readBack = facts with { At = new DateTime(stored.Ticks - stored.Ticks % 10, DateTimeKind.Utc) };
        Assert.Equal(AuditChain.Hash(AuditChain.Genesis, facts), AuditChain.Hash(AuditChain.Genesis, readBack));
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
