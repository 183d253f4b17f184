using ElderCare.Web.Features.Assessments;
using Microsoft.AspNetCore.Html;

namespace ElderCare.Web.Features.Shared;

/// <summary>
/// The model of Assessments/_ScoreItem: one item of a scored assessment form, its options radios named "items.{code}".
/// <see cref="Number"/> is what precedes the name in the item's title (its code, or its number on the form).
/// </summary>
public sealed record ScoreItem(string Code, string Name, string? Note, int MaxScore, IReadOnlyList<ScoreOption> Options, string? Chosen,
    Func<object?, IHtmlContent> Number)
{
    /// <summary>Whether each option carries its score for the running total (wwwroot/js/assessment.js).</summary>
    public bool LiveScore { get; init; }
}
