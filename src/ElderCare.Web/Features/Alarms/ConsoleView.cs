using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Alarms;

/// <summary>A step refused on the console: which alarm and step, and the field errors to show beside its fields.</summary>
public sealed record StepProblem(Guid AlarmId, string Step, Dictionary<string, string[]> Errors, Dictionary<string, string?> Posted);

/// <summary>
/// What the console's cards partial draws: the open alarms, today's handled ones, the server's clock (the waiting
/// times count on from it in the browser, so a wrong browser clock or the tests' fake clock cannot skew them) and the
/// answer limit with its warning mark.
/// </summary>
public sealed record ConsoleView(Paged<AlarmCard> Open, IReadOnlyList<HandledAlarm> HandledToday, DateTime Now, int AnswerSeconds,
    StepProblem? Problem = null)
{
    /// <summary>The card turns amber at three quarters of the answer limit (45 s of 60 s) and red past the limit.</summary>
    public int WarnSeconds => AlarmWait.WarnSeconds(AnswerSeconds);
}

/// <summary>How long an alarm has waited, and how the card shows it. Pure.</summary>
public static class AlarmWait
{
    public static int WarnSeconds(int answerSeconds) => answerSeconds * 3 / 4;

    /// <summary>"ok", "warn" (from three quarters of the limit) or "over" (past the limit); only an unanswered alarm is timed.</summary>
    public static string Tone(AlarmStatus status, double waitedSeconds, int answerSeconds) =>
        status != AlarmStatus.Raised ? "answered"
        : waitedSeconds > answerSeconds ? "over"
        : waitedSeconds >= WarnSeconds(answerSeconds) ? "warn"
        : "ok";

    /// <summary>Whole seconds as m:ss ("1:05"); never negative (a device clock ahead of ours waits 0:00).</summary>
    public static string MinutesSeconds(double seconds)
    {
        var s = (long)Math.Max(0, Math.Floor(seconds));
        return $"{s / 60}:{s % 60:00}";
    }
}
