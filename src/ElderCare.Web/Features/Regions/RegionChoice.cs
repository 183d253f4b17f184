namespace ElderCare.Web.Features.Regions;

/// <summary>A street or town with the communities and villages registered under it, for a region select.</summary>
public sealed record RegionChoice(RegionResource Unit, IReadOnlyList<RegionResource> Children)
{
    /// <summary>The streets and towns among <paramref name="regions"/> (ordered by code), each with its own children.</summary>
    public static IReadOnlyList<RegionChoice> Of(IReadOnlyList<RegionResource> regions) =>
        regions.Where(r => Region.IsUnit(r.Kind))
            .Select(u => new RegionChoice(u, regions.Where(c => c.ParentCode == u.Code).ToList()))
            .ToList();
}
