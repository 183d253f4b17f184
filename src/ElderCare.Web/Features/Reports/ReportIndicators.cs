using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;

namespace ElderCare.Web.Features.Reports;

/// <summary>
/// One value of a report: a count (个, 人, 次, 份), an amount in fen, or a ratio with its numerator and denominator (so
/// the bulletin sums parts rather than averaging ratios). A ratio with nothing to divide by has no value (不适用).
/// </summary>
public sealed record IndicatorValue(decimal? Value, long? Numerator = null, long? Denominator = null)
{
    public static IndicatorValue Count(long n) => new(n);
}

/// <summary>The facts of one street or town for a quarter, loaded by <see cref="ReportFacts"/>; everything else is pure.</summary>
public sealed record UnitQuarterFacts(string UnitCode, string UnitName, RegionKind Kind)
{
    /// <summary>Facilities opened on or before the quarter's last day (建成), whatever their status now.</summary>
    public int Built { get; init; }

    /// <summary>Facilities operating on the quarter's last day, per type (up to standard or not).</summary>
    public IReadOnlyDictionary<FacilityType, int> Operating { get; init; } = new Dictionary<FacilityType, int>();

    /// <summary>The unit's coverage on the quarter's last day (<see cref="CoverageRules.Compute"/>).</summary>
    public UnitCoverage? Coverage { get; init; }

    public int Socialized { get; init; }
    public int WithMedicalCare { get; init; }
    public int BedsTotal { get; init; }
    public int BedsNursing { get; init; }
    public int EldersAssessed { get; init; }
    public int EldersServed { get; init; }
    public int VisitsVerified { get; init; }
    public int MealsServed { get; init; }
    public int Alarms { get; init; }
    public int AlarmsAnsweredInTime { get; init; }
    public int Complaints { get; init; }
    public int ComplaintsResolvedInTime { get; init; }
    public long PaidFen { get; init; }

    public int OperatingTotal => Operating.Values.Sum();
}

/// <summary>
/// The computations a report form may name (ADR 0023 for the form; the policy line each serves is quoted in
/// <see cref="ReportFormDefaults"/>). Pure: the facts in, the values out.
/// </summary>
public static class ReportIndicators
{
    public const string FacilitiesBuilt = "facilities-built";
    public const string OperatingStreetCenters = "operating-street-centers";
    public const string OperatingCommunityStations = "operating-community-stations";
    public const string OperatingTownCenters = "operating-town-centers";
    public const string OperatingVillagePoints = "operating-village-points";
    public const string CenterCoverage = "center-coverage";
    public const string StationCoverage = "station-coverage";
    public const string VillagePointCoverage = "village-point-coverage";
    public const string SocializedShare = "socialized-share";
    public const string MedicalCareShare = "medical-care-share";
    public const string NursingBedShare = "nursing-bed-share";
    public const string EldersAssessed = "elders-assessed";
    public const string EldersServed = "elders-served";
    public const string VisitsVerified = "visits-verified";
    public const string MealsServed = "meals-served";
    public const string AlarmsRaised = "alarms";
    public const string AlarmsAnsweredInTime = "alarms-answered-60s";
    public const string Complaints = "complaints";
    public const string ComplaintsResolvedInTime = "complaints-resolved-in-time";
    public const string MoneyPaid = "money-paid";

    /// <summary>Every code this version computes, in the order of the default form.</summary>
    public static readonly IReadOnlyList<string> Codes =
    [
        FacilitiesBuilt, OperatingStreetCenters, OperatingCommunityStations, OperatingTownCenters, OperatingVillagePoints, CenterCoverage,
        StationCoverage, VillagePointCoverage, SocializedShare, MedicalCareShare, NursingBedShare, EldersAssessed, EldersServed,
        VisitsVerified, MealsServed, AlarmsRaised, AlarmsAnsweredInTime, Complaints, ComplaintsResolvedInTime, MoneyPaid,
    ];

    /// <summary>The values of the codes a form names (codes this version does not know are left out).</summary>
    public static SortedDictionary<string, IndicatorValue> Compute(UnitQuarterFacts f, IEnumerable<string> codes)
    {
        var values = new SortedDictionary<string, IndicatorValue>(StringComparer.Ordinal);
        foreach (var code in codes)
            if (Value(f, code) is { } v) values[code] = v;
        return values;
    }

    public static IndicatorValue? Value(UnitQuarterFacts f, string code) => code switch
    {
        FacilitiesBuilt => IndicatorValue.Count(f.Built),
        OperatingStreetCenters => IndicatorValue.Count(f.Operating.GetValueOrDefault(FacilityType.StreetCenter)),
        OperatingCommunityStations => IndicatorValue.Count(f.Operating.GetValueOrDefault(FacilityType.CommunityStation)),
        OperatingTownCenters => IndicatorValue.Count(f.Operating.GetValueOrDefault(FacilityType.TownCenter)),
        OperatingVillagePoints => IndicatorValue.Count(f.Operating.GetValueOrDefault(FacilityType.VillagePoint)),
        CenterCoverage => CoverageOf(f.Coverage, f.Kind == RegionKind.Town ? FacilityType.TownCenter : FacilityType.StreetCenter),
        StationCoverage => CoverageOf(f.Coverage, FacilityType.CommunityStation),
        VillagePointCoverage => CoverageOf(f.Coverage, FacilityType.VillagePoint),
        SocializedShare => Share(f.Socialized, f.OperatingTotal),
        MedicalCareShare => Share(f.WithMedicalCare, f.OperatingTotal),
        NursingBedShare => Share(f.BedsNursing, f.BedsTotal),
        EldersAssessed => IndicatorValue.Count(f.EldersAssessed),
        EldersServed => IndicatorValue.Count(f.EldersServed),
        VisitsVerified => IndicatorValue.Count(f.VisitsVerified),
        MealsServed => IndicatorValue.Count(f.MealsServed),
        AlarmsRaised => IndicatorValue.Count(f.Alarms),
        AlarmsAnsweredInTime => Share(f.AlarmsAnsweredInTime, f.Alarms),
        Complaints => IndicatorValue.Count(f.Complaints),
        ComplaintsResolvedInTime => Share(f.ComplaintsResolvedInTime, f.Complaints),
        MoneyPaid => IndicatorValue.Count(f.PaidFen),
        _ => null,
    };

    /// <summary>n / d rounded to 4 places (half away from zero); no value when d is 0.</summary>
    public static IndicatorValue Share(long n, long d) =>
        new(d == 0 ? null : Math.Round((decimal)n / d, 4, MidpointRounding.AwayFromZero), n, d);

    /// <summary>
    /// 一、工作目标 ("每个社区至少建设1个社区养老服务站" …): min(operating up to the 附件1 standard, required) / required, as
    /// <see cref="Kpis.CoverageRatio"/> does for the district; no value when the requirement is unknown or none.
    /// </summary>
    public static IndicatorValue Coverage(int operatingCompliant, int? required) =>
        required is > 0 ? Share(Math.Min(operatingCompliant, required.Value), required.Value) : new IndicatorValue(null, null, required);

    private static IndicatorValue CoverageOf(UnitCoverage? c, FacilityType type) =>
        c is null ? new IndicatorValue(null) : Coverage(c.Of(type).Operating, c.Of(type).Required);

    /// <summary>
    /// An alarm answered in time (<see cref="AlarmSla.AnswerSeconds"/> = 60 s, QUALITY.md R4) by the quarter's end; test
    /// alarms are not alarms. Every other alarm counts in the denominator, answered or not.
    /// </summary>
    public static bool AnsweredInTime(DateTime raisedAt, DateTime? acknowledgedAt, DateTime endUtc) =>
        acknowledgedAt is { } a && a < endUtc && a - raisedAt <= TimeSpan.FromSeconds(AlarmSla.AnswerSeconds);

    /// <summary>A complaint resolved by its due time (the severity's deadline set when received) and by the quarter's end.</summary>
    public static bool ResolvedInTime(DateTime dueAt, DateTime? resolvedAt, DateTime endUtc) =>
        resolvedAt is { } r && r <= dueAt && r < endUtc;
}
