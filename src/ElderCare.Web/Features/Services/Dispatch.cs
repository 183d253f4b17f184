using ElderCare.Web.Infrastructure.Web;
namespace ElderCare.Web.Features.Services;

/// <summary>A worker as dispatch sees it: certificates, regions, weekly slots, position, and already booked windows.</summary>
public sealed record DispatchCandidate(
    Guid WorkerId, string Name, Guid ProviderId, IReadOnlyCollection<string> Qualifications, IReadOnlyCollection<Certificate> Certificates,
    IReadOnlyCollection<string> RegionCodes, IReadOnlyCollection<AvailabilitySlot> Availability, GeoPoint? Position,
    IReadOnlyCollection<(DateTime Start, DateTime End)> Booked);

/// <summary>The order to place: item qualification, window (UTC), the elder's region and home, and the regular worker.</summary>
public sealed record DispatchRequest(string? RequiredQualification, DateTime WindowStart, DateTime WindowEnd, string ElderRegionCode,
    GeoPoint? Home, Guid? RegularWorkerId);

public sealed record DispatchSuggestion(Guid WorkerId, string Name, Guid ProviderId, double? DistanceMeters, bool SameAsLastTime);

/// <summary>A worker left out, with the rule that left them out and whether an officer may still assign them with a reason.</summary>
public sealed record DispatchExclusion(Guid WorkerId, string Name, string Reason, DispatchRule Rule = DispatchRule.Qualification,
    bool Overridable = true);

/// <summary>The dispatch rules a worker can fail, in the order they are checked: 资质证书, 服务区域, 工作时间, 时段冲突.</summary>
public enum DispatchRule { Qualification, Region, Hours, Booked }

/// <summary>What assigning a worker comes to: as suggested, an override with a reason, a reason still missing, or refused.</summary>
public enum AssignVerdict { Assign, Override, NeedsReason, Refused }

public sealed record DispatchResult(IReadOnlyList<DispatchSuggestion> Suggestions, IReadOnlyList<DispatchExclusion> Excluded);

/// <summary>
/// Dispatch suggestion: keep the workers who are qualified (an unexpired certificate for the item's qualification on the
/// day of the visit), available for the whole window (weekly slots, China time), serve the elder's region and have no
/// overlapping assignment; put the regular client's last worker first, then the nearest (haversine from the worker's
/// last or base position to the home). An officer or the provider confirms or overrides. Pure.
/// </summary>
public static class Dispatch
{
    public static DispatchResult Suggest(DispatchRequest request, IEnumerable<DispatchCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ok = new List<DispatchSuggestion>();
        var excluded = new List<DispatchExclusion>();
        foreach (var c in candidates)
        {
            if (Failed(request, c) is { } failed)
            {
                excluded.Add(new(c.WorkerId, c.Name, failed.Reason, failed.Rule, Overridable(failed.Rule)));
                continue;
            }
            double? distance = request.Home is { } home && c.Position is { } at ? Geo.DistanceMeters(at, home) : null;
            ok.Add(new(c.WorkerId, c.Name, c.ProviderId, distance, c.WorkerId == request.RegularWorkerId));
        }
        var ranked = ok.OrderByDescending(s => s.SameAsLastTime).ThenBy(s => s.DistanceMeters ?? double.MaxValue)
            .ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        return new(ranked, excluded);
    }

    public static string? Exclusion(DispatchRequest r, DispatchCandidate c) => Failed(r, c)?.Reason;

    /// <summary>The first rule the worker fails, with the reason as shown to the officer; null when the worker qualifies.</summary>
    public static (DispatchRule Rule, string Reason)? Failed(DispatchRequest r, DispatchCandidate c)
    {
        if (!Qualified(r.RequiredQualification, c, ServiceTime.Day(r.WindowStart)))
            return (DispatchRule.Qualification, $"无有效的{ServiceLabels.Qualification(r.RequiredQualification)}证书");
        if (!Serves(c.RegionCodes, r.ElderRegionCode)) return (DispatchRule.Region, "不服务该区域");
        if (!Available(c.Availability, r.WindowStart, r.WindowEnd)) return (DispatchRule.Hours, "该时段不在工作时间内");
        if (c.Booked.Any(b => VisitVerification.Overlaps(r.WindowStart, r.WindowEnd, b.Start, b.End))) return (DispatchRule.Booked, "该时段已有其他工单");
        return null;
    }

    /// <summary>The name of a rule as the dispatch page groups the excluded workers.</summary>
    public static string Label(DispatchRule rule) => rule switch
    {
        DispatchRule.Qualification => "资质证书",
        DispatchRule.Region => "服务区域",
        DispatchRule.Hours => "工作时间",
        DispatchRule.Booked => "时段冲突",
        _ => rule.ToString(),
    };

    /// <summary>The shortest override reason that says something (e.g. "家属指定").</summary>
    public const int MinOverrideReason = 4;

    /// <summary>
    /// 人工指定: an officer who may assign may place a worker the suggestion left out — no valid certificate, outside the
    /// regions served, outside the working hours — when they give a reason; the order is flagged with the rule and the
    /// reason, and the act is audited. A worker already booked in an overlapping window is never assigned: one person
    /// cannot be at two homes at once.
    /// </summary>
    public static bool Overridable(DispatchRule rule) => rule != DispatchRule.Booked;

    /// <summary>The verdict on assigning a worker who failed <paramref name="failed"/> (null: none) with the reason given.</summary>
    public static AssignVerdict Judge(DispatchRule? failed, string? overrideReason) => failed switch
    {
        null => AssignVerdict.Assign,
        { } rule when !Overridable(rule) => AssignVerdict.Refused,
        _ when (overrideReason?.Trim().Length ?? 0) >= MinOverrideReason => AssignVerdict.Override,
        _ => AssignVerdict.NeedsReason,
    };

    /// <summary>A qualification counts only with a certificate that has not expired on the day of the visit.</summary>
    public static bool Qualified(string? required, DispatchCandidate c, DateOnly day) =>
        required is null || (c.Qualifications.Contains(required) && c.Certificates.Any(x => x.Qualification == required && x.ExpiresOn >= day));

    /// <summary>A region code covers itself and every code under it (district 6, street/town 9, community/village 12 digits).</summary>
    public static bool Serves(IEnumerable<string> workerRegions, string elderRegion) =>
        workerRegions.Any(code => elderRegion.StartsWith(code, StringComparison.Ordinal));

    /// <summary>The whole window (China time, within one day) lies inside one weekly slot.</summary>
    public static bool Available(IReadOnlyCollection<AvailabilitySlot> slots, DateTime startUtc, DateTime endUtc)
    {
        var start = ServiceTime.Local(startUtc);
        var end = ServiceTime.Local(endUtc);
        if (end.Date != start.Date && end != start.Date.AddDays(1)) return false;
        var day = start.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)start.DayOfWeek;
        var from = (int)start.TimeOfDay.TotalMinutes;
        var to = end.Date == start.Date ? (int)end.TimeOfDay.TotalMinutes : 24 * 60;
        return slots.Any(s => s.Day == day && s.FromMinute <= from && s.ToMinute >= to);
    }
}
