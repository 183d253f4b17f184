using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// The working hours of the worker form: the weekdays worked and one daily from–to (China time), turned into the weekly
/// slots dispatch checks (<see cref="Dispatch.Available"/>). At least one weekday; times HH:mm; the end after the start.
/// </summary>
public static class WorkingHours
{
    public static readonly IReadOnlyList<(int Day, string Name)> Weekdays =
        [(1, "周一"), (2, "周二"), (3, "周三"), (4, "周四"), (5, "周五"), (6, "周六"), (7, "周日")];

    /// <summary>The slots for the days and times given, or null with the fields named (workDays, workFrom, workTo).</summary>
    public static List<SlotResource>? Slots(IEnumerable<string>? days, string? from, string? to, FieldErrors errors)
    {
        var chosen = new SortedSet<int>();
        foreach (var d in days ?? [])
        {
            if (int.TryParse(d, out var n) && n is >= 1 and <= 7) chosen.Add(n);
            else errors.Add("workDays", "工作日须为周一至周日。");
        }
        errors.AddIf(chosen.Count == 0 && !errors.Entries.Any(e => e.Key == "workDays"), "workDays", "请至少选择一个工作日。");
        var start = RegisterWorker.Minutes(from);
        var end = RegisterWorker.Minutes(to);
        errors.AddIf(start is null, "workFrom", "上班时间格式为 HH:mm，例如 08:00。");
        errors.AddIf(end is null, "workTo", "下班时间格式为 HH:mm，例如 18:00。");
        errors.AddIf(start is not null && end is not null && end <= start, "workTo", "下班时间须晚于上班时间。");
        if (errors.Any) return null;
        return chosen.Select(d => new SlotResource(d, from!.Trim(), to!.Trim())).ToList();
    }
}
