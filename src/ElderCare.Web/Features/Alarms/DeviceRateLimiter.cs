using System.Collections.Concurrent;

namespace ElderCare.Web.Features.Alarms;

/// <summary>
/// A token bucket per device: a full bucket to start with, so the first alarm of a device always passes; a flood is
/// refused with 429 once the bucket is empty. Retries of an alarm already stored never reach it (they are replays).
/// </summary>
public sealed class DeviceRateLimiter(AlarmOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, TokenBucket> _buckets = new();

    public bool TryTake(Guid deviceId, out TimeSpan retryAfter) =>
        _buckets.GetOrAdd(deviceId, _ => new TokenBucket(options.BurstPerDevice, TimeSpan.FromSeconds(options.RefillSeconds), clock.GetUtcNow()))
            .TryTake(clock.GetUtcNow(), out retryAfter);
}

/// <summary>Capacity tokens, one more every refill interval, starting full.</summary>
public sealed class TokenBucket(int capacity, TimeSpan refill, DateTimeOffset start)
{
    private readonly Lock _lock = new();
    private double _tokens = capacity;
    private DateTimeOffset _last = start;

    public bool TryTake(DateTimeOffset now, out TimeSpan retryAfter)
    {
        lock (_lock)
        {
            if (now > _last)
            {
                _tokens = Math.Min(capacity, _tokens + (now - _last) / refill);
                _last = now;
            }
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }
            retryAfter = refill * (1 - _tokens);
            return false;
        }
    }
}
