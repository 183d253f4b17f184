using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Cluster;

/// <summary>
/// ADR 32: with Redis the API budget of a bearer-token user is one for every node — requests spread over two nodes are
/// refused once they add up to the budget, on either node. Needs a Redis server (ELDERCARE_TEST_REDIS, e.g.
/// 127.0.0.1:6379; CI starts one) and fails without one, rather than pass untested; each run keys its counters with a
/// prefix of its own.
/// </summary>
public sealed class RedisApiLimitTests : RedisNodePair
{
    private const int Budget = 6;

    protected override void Configure(Dictionary<string, string> settings) =>
        settings["RateLimits:ApiRequestsPerMinute"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_api_budget_of_a_token_user_is_shared_by_both_nodes()
    {
        Assert.True(First is not null && Second is not null, "ELDERCARE_TEST_REDIS 未设置：没有可用的 Redis，无法验证跨节点的接口限额。");
        var ct = TestContext.Current.CancellationToken;
        var onFirst = await First.ClientAs(Role.DistrictStaff);
        using var onSecond = Second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = onFirst.DefaultRequestHeaders.Authorization; // one token, both nodes
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < Budget + 2; i++)
            answers.Add((await (i % 2 == 0 ? onFirst : onSecond).GetAsync("/api/auth/me", ct)).StatusCode);
        Assert.All(answers.Take(Budget), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(answers.Skip(Budget), s => Assert.Equal(HttpStatusCode.TooManyRequests, s)); // on either node
    }
}
