using System.Collections.Concurrent;

namespace ElderCare.Web.Features.Alarms;

/// <summary>
/// A token bucket per device: a full bucket to start with, so the first alarm of a device always passes; a flood is
/// refused with 429 once the bucket is empty. Retries of an alarm already stored cost nothing: since intake looks for the
/// stored alarm only when the insert meets the unique index (ADR 32), a replay that was charged gets its token back
/// (<see cref="Refund"/>), and one refused here is answered with the stored alarm if there is one.
/// </summary>
public sealed class DeviceRateLimiter(AlarmOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, TokenBucket> _buckets = new();

    /// <summary>Charges one token per idempotency key: concurrent copies of one request (sent before the first was
    /// stored) cost one token, and go on to meet the first at the unique index.</summary>
    /// <param name="charged">false when the key passed free (a copy of a request charged recently).</param>
    public bool TryTake(Guid deviceId, string idempotencyKey, out TimeSpan retryAfter, out bool charged) =>
        Bucket(deviceId).TryTake(clock.GetUtcNow(), idempotencyKey, out retryAfter, out charged);

    /// <summary>Gives back the token a request was charged when it turned out to be a replay of a stored alarm.</summary>
    public void Refund(Guid deviceId) => Bucket(deviceId).Refund();

    private TokenBucket Bucket(Guid deviceId) =>
        _buckets.GetOrAdd(deviceId, _ => new TokenBucket(options.BurstPerDevice, TimeSpan.FromSeconds(options.RefillSeconds), clock.GetUtcNow()));
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
    public bool TryTake(DateTimeOffset now, string? key, out TimeSpan retryAfter) => TryTake(now, key, out retryAfter, out _);

    /// <inheritdoc cref="TryTake(DateTimeOffset, string?, out TimeSpan)"/>
    public bool TryTake(DateTimeOffset now, string? key, out TimeSpan retryAfter, out bool charged)
    {
        lock (_lock)
        {
            charged = false;
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
                charged = true;
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

    /// <summary>One token back, up to the capacity.</summary>
    public void Refund()
    {
        lock (_lock) _tokens = Math.Min(capacity, _tokens + 1);
    }
}
