using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>The ledger in scope, newest first, filtered by year, status, kind, funding source, facility, unit or batch; paged.</summary>
public static class ListLedger
{
    public sealed record Query
    {
        public int? Year { get; init; }
        public string? Status { get; init; }
        public string? Kind { get; init; }
        public string? FundingSource { get; init; }
        public Guid? FacilityId { get; init; }
        public string? TownCode { get; init; }
        public Guid? BatchId { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static async Task<Outcome<Paged<LedgerLineResource>>> Handle(Query query, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        var lines = Filter(query, scope, db, errors);
        if (errors.Any) return Outcome<Paged<LedgerLineResource>>.Invalid(errors);
        var total = await lines.CountAsync(ct);
        var page = await lines.OrderByDescending(l => l.Year).ThenBy(l => l.TownCode).ThenBy(l => l.Key).ThenBy(l => l.Revision)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Paged<LedgerLineResource>(await LedgerQueries.Resources(page, db, ct), paging.Page, paging.PageSize, total);
    }

    /// <summary>The filtered lines; an unknown status, kind or funding source is a field error.</summary>
    public static IQueryable<LedgerLine> Filter(Query q, DataScope scope, AppDbContext db, FieldErrors errors)
    {
        var lines = db.LedgerLines.AsNoTracking().InScope(scope);
        if (q.Year is { } year) lines = lines.Where(l => l.Year == year);
        if (EnumText.Optional<LedgerStatus>(q.Status, "status", errors) is { } status) lines = lines.Where(l => l.Status == status);
        if (EnumText.Optional<LedgerKind>(q.Kind, "kind", errors) is { } kind) lines = lines.Where(l => l.Kind == kind);
        if (EnumText.Optional<FundingSource>(q.FundingSource, "fundingSource", errors) is { } source)
            lines = lines.Where(l => l.FundingSource == source);
        if (q.FacilityId is { } facility) lines = lines.Where(l => l.FacilityId == facility);
        if (!string.IsNullOrWhiteSpace(q.TownCode)) lines = lines.Where(l => l.TownCode == q.TownCode.Trim());
        if (q.BatchId is { } batch) lines = lines.Where(l => l.BatchId == batch);
        return lines;
    }
}
