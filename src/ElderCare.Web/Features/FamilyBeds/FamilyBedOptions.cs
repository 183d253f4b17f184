namespace ElderCare.Web.Features.FamilyBeds;

/// <summary>The care plan's limits, from configuration section "FamilyBeds"; checked at start.</summary>
public sealed class FamilyBedOptions
{
    /// <summary>Earliest hour (China time) a planned visit may start: visits are made in the daytime, 6 to 20 o'clock.</summary>
    public int EarliestVisitHour { get; set; } = 6;

    /// <summary>Latest hour (China time) a planned visit may start.</summary>
    public int LatestVisitHour { get; set; } = 20;

    /// <summary>The options of the "FamilyBeds" section; hours out of 0–23 or in the wrong order stop the start.</summary>
    public static FamilyBedOptions From(IConfiguration config)
    {
        var options = config.GetSection("FamilyBeds").Get<FamilyBedOptions>() ?? new FamilyBedOptions();
        if (options.EarliestVisitHour is < 0 or > 23 || options.LatestVisitHour is < 0 or > 23 || options.EarliestVisitHour > options.LatestVisitHour)
            throw new InvalidOperationException(
                $"FamilyBeds:EarliestVisitHour 与 LatestVisitHour 应为 0 至 23 点且前者不晚于后者（现为 {options.EarliestVisitHour}、{options.LatestVisitHour}）。");
        return options;
    }
}
