namespace ElderCare.Web.Features.Regions;

/// <summary>A region as the API shows it: <c>{code, name, kind, parentCode}</c> plus the editable figures.</summary>
public sealed record RegionResource(
    string Code, string Name, RegionKind Kind, string? ParentCode,
    int? VillageCount, int? CommunityCount, int? Population, int? ElderlyPopulation)
{
    public static RegionResource From(Region r) =>
        new(r.Code, r.Name, r.Kind, r.ParentCode, r.VillageCount, r.CommunityCount, r.Population, r.ElderlyPopulation);
}
