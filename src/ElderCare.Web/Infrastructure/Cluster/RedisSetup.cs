using StackExchange.Redis;

namespace ElderCare.Web.Infrastructure.Cluster;

/// <summary>
/// Redis when configured (<c>Redis:Configuration</c>, e.g. <c>127.0.0.1:6379,password=…</c>; ADR 32): the SignalR
/// backplane, so a console connected to any node hears an alarm raised on any other, and the per-address sign-in budget
/// shared by every node (<see cref="Auth.SignInLimiter"/>). <c>Redis:Prefix</c> (default <c>eldercare</c>) keeps the
/// channels and keys of several deployments apart on one Redis. Without Redis one node keeps both in memory.
/// </summary>
public static class RedisSetup
{
    public static void AddRedisWhenConfigured(this IServiceCollection services, IConfiguration config)
    {
        if (config["Redis:Configuration"] is not { Length: > 0 } configuration) return;
        var prefix = config["Redis:Prefix"] is { Length: > 0 } p ? p : "eldercare";
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false; // start without Redis and reconnect: /health/ready answers 503 meanwhile
        options.ChannelPrefix = RedisChannel.Literal(prefix);
        var redis = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
        services.AddSingleton(new RedisConnection(redis, prefix));
        services.AddSignalR().AddStackExchangeRedis(o => o.ConnectionFactory = _ => Task.FromResult(redis.Value));
    }
}

/// <summary>The one Redis connection of the node and the prefix of its keys.</summary>
public sealed class RedisConnection(Lazy<IConnectionMultiplexer> redis, string prefix)
{
    public IDatabase Database => redis.Value.GetDatabase();

    public bool IsConnected => redis.Value.IsConnected;

    public RedisKey Key(string name) => $"{prefix}:{name}";
}
