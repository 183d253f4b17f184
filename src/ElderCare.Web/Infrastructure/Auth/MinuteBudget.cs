using System.Collections.Concurrent;

namespace ElderCare.Web.Infrastructure.Auth;

/// <summary>
/// A budget per key and clock minute of the app's clock (a fixed window, so tests run on the fake clock), shared by the
/// sign-in budget (<see cref="SignInLimiter"/>) and the API token budget (<see cref="ApiTokenLimit"/>). With Redis
/// (ADR 32) one counter for every node: <c>INCR</c> on <c>{prefix}:{name}:{key}:{minute}</c>, which expires two minutes
/// after its first count; without Redis, and while Redis fails, each node counts in its own memory.
/// </summary>
public sealed class MinuteBudget(string name, TimeProvider clock, Cluster.RedisConnection? redis, ILogger logger)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int PruneAbove = 10_000;

    private sealed class Slot
    {
        public long Minute;
        public long Count;
    }

    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private volatile bool _inMemory; // while Redis is away: said once in the log, not on every request

    /// <summary>Counts one use of the key: null while within the limit, else the wait until the next minute.</summary>
    public async ValueTask<TimeSpan?> TakeAsync(string key, int limit)
    {
        var now = clock.GetUtcNow();
        var minute = now.ToUnixTimeSeconds() / 60;
        var count = await CountAsync(key, minute);
        return count <= limit ? null : DateTimeOffset.FromUnixTimeSeconds((minute + 1) * 60) - now;
    }

    private async ValueTask<long> CountAsync(string key, long minute)
    {
        // Not connected: memory at once, rather than queue the command until its timeout (seconds on every request).
        if (redis is { IsConnected: true })
        {
            try
            {
                var counter = redis.Key($"{name}:{key}:{minute}");
                var count = await redis.Database.StringIncrementAsync(counter);
                if (count == 1) _ = redis.Database.KeyExpire(counter, 2 * Window, flags: StackExchange.Redis.CommandFlags.FireAndForget);
                _inMemory = false;
                return count;
            }
            catch (StackExchange.Redis.RedisException e)
            {
                logger.LogWarning(e, "Redis unavailable; counting the {Budget} budget in memory on this node", name);
                _inMemory = true;
            }
        }
        else if (redis is not null && !_inMemory)
        {
            logger.LogWarning("Redis not connected; counting the {Budget} budget in memory on this node until it is", name);
            _inMemory = true;
        }
        if (_slots.Count > PruneAbove)
            foreach (var (k, old) in _slots)
                if (old.Minute < minute) _slots.TryRemove(k, out _);
        var slot = _slots.GetOrAdd(key, _ => new Slot { Minute = minute });
        lock (slot)
        {
            if (slot.Minute != minute) (slot.Minute, slot.Count) = (minute, 0);
            return ++slot.Count;
        }
    }
}
