namespace ElderCare.Web.Features.Services;

public sealed record ProviderResource(Guid Id, string Name, Guid? FacilityId, string UnitCode, string? CreditCode, bool Active)
{
    public static ProviderResource From(ServiceProvider p) => new(p.Id, p.Name, p.FacilityId, p.UnitCode, p.CreditCode, p.Active);
}
