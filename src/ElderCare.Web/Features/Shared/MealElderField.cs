using ElderCare.Web.Features.Meals;

namespace ElderCare.Web.Features.Shared;

/// <summary>The model of Meals/_MealElderField: the elders a meal can be ordered for and the one chosen.</summary>
public sealed record MealElderField(IReadOnlyList<MealElderChoice> Elders, string? Selected);
