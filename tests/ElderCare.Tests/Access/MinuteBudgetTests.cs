using ElderCare.Web.Infrastructure.Auth;
using ElderCare.Web.Infrastructure.Cluster;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace ElderCare.Tests.Access;

/// <summary>The one budget per key and clock minute behind the sign-in and API token limits (ADR 32).</summary>
public class MinuteBudgetTests
{
    private static readonly DateTimeOffset Minute = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task In_memory_each_key_has_its_budget_until_the_clock_minute_ends()
    {
        var clock = new FakeTimeProvider(Minute.AddSeconds(20));
        var budget = new MinuteBudget("test", clock, null, NullLogger.Instance);
        Assert.Null(await budget.TakeAsync("a", 2));
        Assert.Null(await budget.TakeAsync("a", 2));
        Assert.Equal(TimeSpan.FromSeconds(40), await budget.TakeAsync("a", 2));
        Assert.Null(await budget.TakeAsync("b", 2));
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Null(await budget.TakeAsync("a", 2));
    }

    [Fact]
    public async Task With_redis_configured_but_unreachable_the_node_counts_in_memory_at_once()
    {
        var options = ConfigurationOptions.Parse("127.0.0.1:1,connectTimeout=200");
        options.AbortOnConnectFail = false;
        using var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
        var budget = new MinuteBudget("test", new FakeTimeProvider(Minute), new RedisConnection(new(() => multiplexer), "test"),
            NullLogger.Instance);
        var first = budget.TakeAsync("a", 1);
        Assert.True(first.IsCompleted); // answered from memory, no command waiting for its timeout
        Assert.Null(await first);
        Assert.NotNull(await budget.TakeAsync("a", 1));
    }
}
