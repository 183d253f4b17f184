using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

public sealed record SlaRow(string Key, string Name, SlaFigures Figures);

public sealed record AlarmReportResource(DateOnly From, DateOnly To, SlaFigures Total, IReadOnlyList<SlaRow> ByMonth,
    IReadOnlyList<SlaRow> ByStation);

/// <summary>The SLA report by month (China time) and by station, over the alarms raised in [from, to].</summary>
public static class AlarmReport
{
    public static async Task<Outcome<AlarmReportResource>> Handle(string? fromText, string? toText, DataScope scope, AppDbContext db,
        AlarmOptions options, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var to = clock.DateOrToday(toText, "to", errors);
        var from = string.IsNullOrWhiteSpace(fromText)
            ? new DateOnly(to.Year, to.Month, 1).AddMonths(-11)
            : clock.DateOrToday(fromText, "from", errors);
        errors.AddIf(from > to, "from", "开始日期不能晚于结束日期。");
        errors.AddIf(to.DayNumber - from.DayNumber > 3 * 366, "from", "报表区间不超过 3 年。");
        if (errors.Any) return Outcome<AlarmReportResource>.Invalid(errors);

        var start = DateTime.SpecifyKind(from.ToDateTime(TimeOnly.MinValue) - ChinaClock.Offset, DateTimeKind.Utc);
        var end = DateTime.SpecifyKind(to.AddDays(1).ToDateTime(TimeOnly.MinValue) - ChinaClock.Offset, DateTimeKind.Utc);
        var rows = await db.Alarms.AsNoTracking().InScope(scope).Where(a => a.RaisedAt >= start && a.RaisedAt < end)
            .Select(a => new { a.StationId, a.RaisedAt, a.AcknowledgedAt, a.OnSiteAt, a.Outcome }).ToListAsync(ct);
        var stationIds = rows.Where(r => r.StationId != null).Select(r => r.StationId!.Value).Distinct().ToList();
        var names = await db.Facilities.AsNoTracking().Where(f => stationIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var times = rows.Select(r => (r.StationId, Month: (r.RaisedAt + ChinaClock.Offset).ToString("yyyy-MM"),
            Times: new AlarmTimes(r.RaisedAt, r.AcknowledgedAt, r.OnSiteAt, r.Outcome))).ToList();
        var byMonth = times.GroupBy(t => t.Month).OrderBy(g => g.Key)
            .Select(g => new SlaRow(g.Key, g.Key, AlarmSla.Compute(g.Select(t => t.Times).ToList()))).ToList();
        var byStation = times.GroupBy(t => t.StationId).OrderBy(g => g.Key is null ? 1 : 0)
            .ThenBy(g => g.Key is { } k ? names.GetValueOrDefault(k) : "")
            .Select(g => new SlaRow(g.Key?.ToString() ?? "", g.Key is { } k ? names.GetValueOrDefault(k) ?? "（已撤销的站点）" : "（无负责站点）",
                AlarmSla.Compute(g.Select(t => t.Times).ToList()))).ToList();
        return new AlarmReportResource(from, to, AlarmSla.Compute(times.Select(t => t.Times).ToList()), byMonth, byStation);
    }

    public static byte[] ToExcel(AlarmReportResource report)
    {
        static Dictionary<string, object?> Line(string head, string name, SlaFigures f) => new()
        {
            [head] = name, ["报警数"] = f.Alarms, ["已接警"] = f.Acknowledged, [$"{AlarmSla.AnswerSeconds}秒内接警率"] = f.AcknowledgedWithin60sShare,
            [$"{AlarmSla.LateAnswerMinutes}分钟内接警率"] = f.AcknowledgedWithin3MinShare, ["已到场"] = f.OnSite,
            ["到场用时中位数(分钟)"] = f.OnSiteMedianMinutes,
            ["到场用时90分位(分钟)"] = f.OnSiteP90Minutes, ["已处置"] = f.Resolved, ["误报率"] = f.FalseAlarmShare,
        };
        var sheets = new Dictionary<string, object>
        {
            ["按月"] = report.ByMonth.Select(r => Line("月份", r.Name, r.Figures)).Append(Line("月份", "合计", report.Total)).ToList(),
            ["按站点"] = report.ByStation.Select(r => Line("站点", r.Name, r.Figures)).Append(Line("站点", "合计", report.Total)).ToList(),
        };
        return SpreadsheetWriter.Xlsx(sheets);
    }
}
