using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// Reference figures of visit verification and supervision (configuration section "Services"); defaults from
/// reference/PRACTICE.md. A rural home gets the wider radius: village addresses are coarse and houses scattered.
/// </summary>
public sealed class ServiceOptions
{
    /// <summary>Geofence radius around a home in a community or street (EVV practice: 50 m standard).</summary>
    [Range(0d, 10_000d, MinimumIsExclusive = true)]
    public double UrbanGeofenceMeters { get; set; } = 50;

    /// <summary>Geofence radius around a home in a village or town (wider default for rural addresses).</summary>
    [Range(0d, 10_000d, MinimumIsExclusive = true)]
    public double RuralGeofenceMeters { get; set; } = 200;

    /// <summary>A reason is required, and the visit flagged, when it runs this many minutes over or under plan.</summary>
    [Range(0, 1440)]
    public int DurationToleranceMinutes { get; set; } = 15;

    /// <summary>Punctual if clock-in is at most this many minutes after the planned start.</summary>
    [Range(0, 1440)]
    public int LateAfterMinutes { get; set; } = 7;

    /// <summary>Share of completed orders queued for a follow-up call (回访), 0–1.</summary>
    [Range(0d, 1d)]
    public double FollowUpShare { get; set; } = 0.1;

    /// <summary>Complaint handling deadlines in days by severity (regulator defaults 3 / 7 / 15).</summary>
    [Range(1, 365)]
    public int SeriousComplaintDays { get; set; } = 3;

    [Range(1, 365)]
    public int GeneralComplaintDays { get; set; } = 7;

    [Range(1, 365)]
    public int MinorComplaintDays { get; set; } = 15;

    /// <summary>Wrong confirmation codes allowed before the code is locked.</summary>
    [Range(1, 100)]
    public int ConfirmationAttempts { get; set; } = 5;

    /// <summary>A check-in or check-out time may be entered this many hours late (no signal in the village).</summary>
    public int LateEntryHours { get; set; } = 24;

    /// <summary>A time this many minutes ahead of the server still counts as now (the phone's clock runs fast).</summary>
    public int PhoneClockSkewMinutes { get; set; } = 5;

    /// <summary>A worker registered without weekly slots works every day from this hour (China time)…</summary>
    public int DefaultWorkdayStartHour { get; set; } = 8;

    /// <summary>…to this hour: 08:00–18:00, the daytime hours home visits are booked in.</summary>
    public int DefaultWorkdayEndHour { get; set; } = 18;
}
