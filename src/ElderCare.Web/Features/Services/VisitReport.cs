using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

public sealed record ProviderMonth(Guid? ProviderId, string ProviderName, int Orders, int Completed, int Verified, int Flagged, int Late, int Missed,
    int Cancelled, long VerifiedSubsidyFen, double? VerifiedShare, double? PunctualShare);

public sealed record VisitReportResource(string Month, int Orders, int Completed, int Verified, int Flagged, int Late, int Missed,
    long VerifiedSubsidyFen, IReadOnlyList<ProviderMonth> Providers);

/// <summary>
/// The month's visits per provider: only verified visits count toward subsidies (EVV); late (clock-in > 7 min after the
/// window start) and missed visits are counted per provider. One grouped query.
/// </summary>
public static class VisitReport
{
    public static async Task<Outcome<VisitReportResource>> Handle(string? month, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        int m;
        if (string.IsNullOrWhiteSpace(month)) m = ServiceTime.Month(clock.GetUtcNow().UtcDateTime);
        else if (ServiceTime.ParseMonth(month) is { } parsed) m = parsed;
        else return Outcome<VisitReportResource>.Invalid("month", "月份格式为 yyyy-MM，如 2026-11。");

        var rows = await db.ServiceOrders.AsNoTracking().InScope(scope, db).Where(o => o.ServiceMonth == m)
            .GroupBy(o => o.ProviderId)
            .Select(g => new
            {
                ProviderId = g.Key,
                Orders = g.Count(),
                Completed = g.Count(o => o.Status == OrderStatus.Completed),
                Verified = g.Count(o => o.Status == OrderStatus.Completed && o.Verification == Verification.Verified),
                Flagged = g.Count(o => o.Verification == Verification.Flagged),
                Late = g.Count(o => o.Late),
                Missed = g.Count(o => o.Status == OrderStatus.Missed),
                Cancelled = g.Count(o => o.Status == OrderStatus.Cancelled),
                CheckedIn = g.Count(o => o.CheckInAt != null),
                Subsidy = g.Sum(o => o.Status == OrderStatus.Completed && o.Verification == Verification.Verified ? o.SubsidyFen : 0),
            }).ToListAsync(ct);
        var ids = rows.Where(r => r.ProviderId != null).Select(r => r.ProviderId!.Value).ToList();
        var names = await db.ServiceProviders.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var providers = rows.Select(r => new ProviderMonth(r.ProviderId, r.ProviderId is { } id ? names.GetValueOrDefault(id, "") : "（未派单）",
                r.Orders, r.Completed, r.Verified, r.Flagged, r.Late, r.Missed, r.Cancelled, r.Subsidy,
                r.Completed == 0 ? null : Math.Round((double)r.Verified / r.Completed, 4),
                r.CheckedIn == 0 ? null : Math.Round(1 - (double)r.Late / r.CheckedIn, 4)))
            .OrderBy(p => p.ProviderName, StringComparer.Ordinal).ToList();
        return new VisitReportResource(ServiceTime.MonthText(m), providers.Sum(p => p.Orders), providers.Sum(p => p.Completed),
            providers.Sum(p => p.Verified), providers.Sum(p => p.Flagged), providers.Sum(p => p.Late), providers.Sum(p => p.Missed),
            providers.Sum(p => p.VerifiedSubsidyFen), providers);
    }
}
