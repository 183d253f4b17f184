using ElderCare.Web.Features.Regions;

namespace ElderCare.Web.Features.Shared;

/// <summary>The model of Services/_WorkerArea: the regions a worker serves and the position the worker sets out from.</summary>
public sealed record WorkerArea(IReadOnlyList<RegionResource> Regions, IReadOnlyCollection<string> RegionCodes, string? BaseLatitude,
    string? BaseLongitude);
