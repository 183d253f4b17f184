using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Features.Elders;

/// <summary>Who counts as an elder here: 60 by default (《老年人权益保障法》第二条), configurable as Elders:MinimumAge.</summary>
public sealed class ElderOptions
{
    [Range(1, 120)]
    public int MinimumAge { get; set; } = 60;
}
