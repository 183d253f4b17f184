using System.Linq.Expressions;
using System.Reflection;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Meals;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Features.Subsidies;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Reports;

/// <summary>
/// Loads the facts of every street or town under a region prefix for a quarter, a fixed number of queries whatever the
/// number of units: the coverage facts as of the quarter's last day (<see cref="GetCoverage"/>: facility status history,
/// 附件1 compliance, plan), facilities built, and the quarter's flows grouped by unit.
/// </summary>
public static class ReportFacts
{
    public static async Task<List<UnitQuarterFacts>> LoadAsync(Quarter q, string prefix, AppDbContext db, CancellationToken ct)
    {
        var (start, end, startUtc, endUtc) = (q.Start, q.End, q.StartUtc, q.EndUtc);
        var operating = await GetCoverage.LoadOperating(end, prefix, db, ct);
        var units = await GetCoverage.LoadUnitFacts(end, prefix, db, ct, operating);
        var byUnit = operating.ToLookup(o => o.UnitCode);

        var built = await db.Facilities.AsNoTracking().InRegion(prefix).Where(f => f.OpenedOn != null && f.OpenedOn <= end)
            .GroupBy(f => f.UnitCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var assessed = (await (from a in db.Assessments.AsNoTracking()
                    join e in Under(db.Elders.AsNoTracking(), e => e.UnitCode, prefix) on a.ElderId equals e.Id
                    where a.AssessedOn >= start && a.AssessedOn <= end
                    select new { e.UnitCode, a.ElderId }).Distinct().ToListAsync(ct))
            .CountBy(x => x.UnitCode).ToDictionary(x => x.Key, x => x.Value);

        var visits = await Under(db.ServiceOrders.AsNoTracking().Verified(), o => o.UnitCode, prefix)
            .Where(o => o.WindowStart >= startUtc && o.WindowStart < endUtc)
            .GroupBy(o => o.UnitCode)
            .Select(g => new { g.Key, Visits = g.Count(), Elders = g.Select(o => o.ElderId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, ct);

        var meals = await Under(db.MealOrders.AsNoTracking(), m => m.UnitCode, prefix)
            .Where(m => m.Date >= start && m.Date <= end && (m.Status == MealOrderStatus.Served || m.Status == MealOrderStatus.Delivered))
            .GroupBy(m => m.UnitCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var alarms = (await Under(db.Alarms.AsNoTracking(), a => a.UnitCode, prefix)
                .Where(a => a.RaisedAt >= startUtc && a.RaisedAt < endUtc && (a.Outcome == null || a.Outcome != AlarmOutcome.Test))
                .Select(a => new { a.UnitCode, a.RaisedAt, a.AcknowledgedAt }).ToListAsync(ct))
            .ToLookup(a => a.UnitCode);

        var complaints = (await (from c in db.Complaints.AsNoTracking()
                    join o in Under(db.ServiceOrders.AsNoTracking(), o => o.UnitCode, prefix) on c.OrderId equals o.Id
                    where c.ReceivedAt >= startUtc && c.ReceivedAt < endUtc
                    select new { o.UnitCode, c.DueAt, c.ResolvedAt }).ToListAsync(ct))
            .ToLookup(c => c.UnitCode);

        var paid = await (from l in Under(db.LedgerLines.AsNoTracking(), l => l.TownCode, prefix)
                join b in db.PaymentBatches.AsNoTracking() on l.BatchId equals b.Id
                where l.Status == LedgerStatus.Paid && b.PaidOn >= start && b.PaidOn <= end
                group l by l.TownCode into g
                select new { g.Key, Fen = g.Sum(l => l.AmountFen) })
            .ToDictionaryAsync(g => g.Key, g => g.Fen, ct);

        return units.Select(u =>
        {
            var rows = byUnit[u.Code].ToList();
            var unitAlarms = alarms[u.Code].ToList();
            var unitComplaints = complaints[u.Code].ToList();
            var v = visits.GetValueOrDefault(u.Code);
            return new UnitQuarterFacts(u.Code, u.Name, u.Kind)
            {
                Built = built.GetValueOrDefault(u.Code),
                Operating = rows.CountBy(r => r.Type).ToDictionary(x => x.Key, x => x.Value),
                Coverage = CoverageRules.Compute(u),
                Socialized = rows.Count(r => r.OperationMode != OperationMode.Government),
                WithMedicalCare = rows.Count(r => r.MedicalCareMode != MedicalCareMode.None),
                BedsTotal = rows.Sum(r => r.BedsTotal),
                BedsNursing = rows.Sum(r => r.BedsNursing),
                EldersAssessed = assessed.GetValueOrDefault(u.Code),
                EldersServed = v?.Elders ?? 0,
                VisitsVerified = v?.Visits ?? 0,
                MealsServed = meals.GetValueOrDefault(u.Code),
                Alarms = unitAlarms.Count,
                AlarmsAnsweredInTime = unitAlarms.Count(a => ReportIndicators.AnsweredInTime(a.RaisedAt, a.AcknowledgedAt, endUtc)),
                Complaints = unitComplaints.Count,
                ComplaintsResolvedInTime = unitComplaints.Count(c => ReportIndicators.ResolvedInTime(c.DueAt, c.ResolvedAt, endUtc)),
                PaidFen = paid.GetValueOrDefault(u.Code),
            };
        }).ToList();
    }

    /// <summary>
    /// Rows of one street or town (a 9-digit prefix is a whole unit code: equality) or under a shorter prefix. A report's
    /// own page reads its unit's quarter; by equality the unit-code indexes serve it, where LIKE 'prefix%' is no index range
    /// under PostgreSQL's C.UTF-8 collation and scans every order of a city-wide database (ADR 32).
    /// </summary>
    private static IQueryable<T> Under<T>(IQueryable<T> rows, Expression<Func<T, string>> code, string prefix)
    {
        Expression<Func<string>> value = () => prefix; // a captured value: one SQL parameter, one cached query for every unit
        Expression test = Regions.Region.UnitOf(prefix) == prefix
            ? Expression.Equal(code.Body, value.Body)
            : Expression.Call(code.Body, StartsWith, value.Body);
        return rows.Where(Expression.Lambda<Func<T, bool>>(test, code.Parameters));
    }

    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;

    /// <summary>The snapshot content of each unit under the prefix for the quarter, with the form's codes and no narrative.</summary>
    public static async Task<Dictionary<string, SnapshotContent>> ContentsAsync(Quarter q, string prefix, ReportForm form, AppDbContext db,
        CancellationToken ct) =>
        (await LoadAsync(q, prefix, db, ct)).ToDictionary(f => f.UnitCode,
            f => new SnapshotContent(f.UnitCode, q.Code, form.Year, "", ReportIndicators.Compute(f, form.Indicators.Select(i => i.Code))));
}
