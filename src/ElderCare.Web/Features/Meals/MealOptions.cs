using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Features.Meals;

/// <summary>Food-safety figures (PRACTICE.md: eaten within 2 h of cooking, 48 h sample retention); configuration "Meals".</summary>
public sealed class MealOptions
{
    [Range(0d, 24d, MinimumIsExclusive = true)]
    public double CookToEatLimitHours { get; set; } = 2;

    /// <summary>At least the 48 h of PRACTICE.md: a shorter retention is not a setting but a breach.</summary>
    [Range(48d, 720d)]
    public double SampleRetentionHours { get; set; } = 48;

    public TimeSpan CookToEatLimit => TimeSpan.FromHours(CookToEatLimitHours);
    public TimeSpan SampleRetention => TimeSpan.FromHours(SampleRetentionHours);
}
