namespace ElderCare.Web.Features.Shared;

/// <summary>The model of Regions/_PopulationFields: a region's resident and elderly population as typed.</summary>
public sealed record PopulationFields(string? Population, string? ElderlyPopulation);
