namespace ElderCare.Web.Infrastructure.Web;

/// <summary>
/// The one retry rule of the outboxes (alarm notices, SMS, webhooks): the first retry after <c>first</c> seconds, then
/// doubling — 5 s, 10 s, 20 s … — never longer than <c>max</c> seconds (ADR 29).
/// </summary>
public static class Backoff
{
    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt (1 = the first).</summary>
    public static TimeSpan Delay(int attempts, double firstSeconds, double maxSeconds) =>
        TimeSpan.FromSeconds(Math.Min(maxSeconds, firstSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 62))));
}
