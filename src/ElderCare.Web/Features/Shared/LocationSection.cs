using Microsoft.AspNetCore.Html;

namespace ElderCare.Web.Features.Shared;

/// <summary>
/// The model of _LocationSection: a form's section with the address, the position (<see cref="LocationFields"/>) and the map to pick
/// it on. <see cref="Fields"/> are further inputs placed after the address; <see cref="Hint"/>, when given, is the element with
/// id "location-hint" that describes the two coordinates.
/// </summary>
public sealed record LocationSection(string Legend, string AddressLabel, string? Address, LocationFields Location)
{
    /// <summary>Whether the browser may offer to fill in the address (not for an elder's home address).</summary>
    public bool AddressAutocomplete { get; init; } = true;

    public Func<object?, IHtmlContent>? Fields { get; init; }

    public Func<object?, IHtmlContent>? Hint { get; init; }
}
