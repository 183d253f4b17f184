using ElderCare.Web.Features.Regions;

namespace ElderCare.Web.Features.Shared;

/// <summary>
/// The model of _RegionOptions: each street or town as an option group with its communities and villages, <see cref="Selected"/>
/// chosen; in a <see cref="Filter"/> the street or town stands for all its children and says so.
/// </summary>
public sealed record RegionOptions(IReadOnlyList<RegionChoice> Choices, string? Selected, bool Filter = false);

/// <summary>The model of _RegionFilter: a list's filter by street, town, community or village, labelled <see cref="Label"/>.</summary>
public sealed record RegionFilter(IReadOnlyList<RegionChoice> Choices, string? Selected, string Label = "区域");
