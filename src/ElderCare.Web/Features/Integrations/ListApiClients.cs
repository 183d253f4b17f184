using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Integrations;

public static class ListApiClients
{
    public sealed record Query
    {
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    /// <summary>A page of clients, newest first, each with its number of active secrets.</summary>
    public static async Task<Outcome<Paged<ApiClientResource>>> Handle(Query q, AppDbContext db, IntegrationOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var page = PageRequest.From(q.Page, q.PageSize, errors);
        if (errors.Any) return Outcome<Paged<ApiClientResource>>.Invalid(errors);
        var total = await db.ApiClients.CountAsync(ct);
        var rows = await db.ApiClients.AsNoTracking().OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(c => new { Client = c, Active = db.ApiClientSecrets.Count(s => s.ClientId == c.Id && s.RetiredAt == null) })
            .ToListAsync(ct);
        var now = clock.UtcNow();
        return new Paged<ApiClientResource>(rows.Select(r => ApiClientResource.From(r.Client, r.Active, options, now)).ToList(), page.Page,
            page.PageSize, total);
    }
}
