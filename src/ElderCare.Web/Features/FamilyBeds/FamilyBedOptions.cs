using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Features.FamilyBeds;

/// <summary>The care plan's limits, from configuration section "FamilyBeds"; checked at start (ADR 25).</summary>
public sealed class FamilyBedOptions : IValidatableObject
{
    /// <summary>Earliest hour (China time) a planned visit may start: visits are made in the daytime, 6 to 20 o'clock.</summary>
    [Range(0, 23)]
    public int EarliestVisitHour { get; set; } = 6;

    /// <summary>Latest hour (China time) a planned visit may start.</summary>
    [Range(0, 23)]
    public int LatestVisitHour { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EarliestVisitHour > LatestVisitHour)
            yield return new ValidationResult($"最早上门时间（{EarliestVisitHour} 点）不能晚于最晚上门时间（{LatestVisitHour} 点）。",
                [nameof(EarliestVisitHour), nameof(LatestVisitHour)]);
    }
}
