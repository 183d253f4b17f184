using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Features.Outbound;

/// <summary>The outbox sender's figures, from configuration section "Outbound" (ADR 25, ADR 29).</summary>
public sealed class OutboundOptions : IValidatableObject
{
    /// <summary>Seconds between two passes of the sender (0 = off; the tests run the pass themselves).</summary>
    [Range(0d, 3600d)]
    public double IntervalSeconds { get; set; } = 5;

    /// <summary>Messages sent in one pass, the longest due first; the rest go in the next pass.</summary>
    [Range(1, 10_000)]
    public int Batch { get; set; } = 100;

    /// <summary>Back-off: the first retry after this many seconds, doubling up to <see cref="MaxRetrySeconds"/> (as the alarm outbox).</summary>
    [Range(0d, 86_400d, MinimumIsExclusive = true)]
    public double FirstRetrySeconds { get; set; } = 5;

    [Range(0d, 86_400d, MinimumIsExclusive = true)]
    public double MaxRetrySeconds { get; set; } = 600;

    /// <summary>Attempts before a message is given up (failed). 20 attempts at the defaults span about 2.5 hours.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 20;

    /// <summary>How long a subscriber or the gateway may take to answer one POST.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The family is reminded by SMS this many days before a routine reassessment falls due (0 = no reminders; 待确认).</summary>
    [Range(0, 60)]
    public int ReassessmentReminderDays { get; set; } = 7;

    /// <summary>Webhook URLs must be https (a signed body still travels in clear over http); off only for tests on 127.0.0.1.</summary>
    public bool RequireHttps { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetrySeconds < FirstRetrySeconds)
            yield return new ValidationResult($"最长重试间隔（{MaxRetrySeconds}）不能小于首次重试间隔（{FirstRetrySeconds}）。",
                [nameof(MaxRetrySeconds)]);
    }
}
