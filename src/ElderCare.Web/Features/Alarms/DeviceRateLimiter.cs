using System.Collections.Concurrent;

namespace ElderCare.Web.Features.Alarms;

/// <summary>
/// A token bucket per device: a full bucket to start with, so the first alarm of a device always passes; a flood is
/// refused with 429 once the bucket is empty. Retries of an alarm already stored never reach it (they are replays).
/// </summary>
public sealed class DeviceRateLimiter(AlarmOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, TokenBucket> _buckets = new();

    /// <summary>Charges one token per idempotency key: concurrent copies of one request (sent before the first was
    /// stored) cost one token, and go on to meet the first at the unique index.</summary>
    public bool TryTake(Guid deviceId, string idempotencyKey, out TimeSpan retryAfter) =>
        _buckets.GetOrAdd(deviceId, _ => new TokenBucket(options.BurstPerDevice, TimeSpan.FromSeconds(options.RefillSeconds), clock.GetUtcNow()))
            .TryTake(clock.GetUtcNow(), idempotencyKey, out retryAfter);
}

/// <summary>Capacity tokens, one more every refill interval, starting full.</summary>
public sealed class TokenBucket(int capacity, TimeSpan refill, DateTimeOffset start)
{
    private readonly Lock _lock = new();
    private double _tokens = capacity;
    private DateTimeOffset _last = start;
    private readonly Queue<string> _recent = new();
    private readonly HashSet<string> _recentSet = new(StringComparer.Ordinal);
    private const int RecentKeys = 32;

    public bool TryTake(DateTimeOffset now, out TimeSpan retryAfter) => TryTake(now, null, out retryAfter);

    /// <summary>A key charged recently passes free (a concurrent copy of the same request).</summary>
    public bool TryTake(DateTimeOffset now, string? key, out TimeSpan retryAfter)
    {
        lock (_lock)
        {
            if (key is not null && _recentSet.Contains(key))
            {
                retryAfter = TimeSpan.Zero;
                return true;
            }
            if (now > _last)
            {
                _tokens = Math.Min(capacity, _tokens + (now - _last) / refill);
                _last = now;
            }
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                if (key is not null && _recentSet.Add(key))
                {
                    _recent.Enqueue(key);
                    if (_recent.Count > RecentKeys) _recentSet.Remove(_recent.Dequeue());
                }
                return true;
            }
            retryAfter = refill * (1 - _tokens);
            return false;
        }
    }
}
