using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// The worker list as .xlsx: exactly the rows of <see cref="ListWorkers"/> with the same filters and order, all pages
/// (Shared/ListExport: capped, audited; ADR 30); the phone masked unless the user may unmask (ADR 6).
/// </summary>
public static class ExportWorkers
{
    public static async Task<Outcome<ExportFile>> Handle(ListWorkers.Query q, CurrentUser user, AppDbContext db, FieldProtector protector,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var full = user.CanUnmask;
        return await ListExport.Write("workers", "服务人员", q, errors => ListWorkers.Filter(q, user.Scope, db, errors),
            workers => ListWorkers.Sorted(workers, q),
            async (rows, token) =>
            {
                var read = await rows.Select(w => new
                {
                    Worker = w, Provider = db.ServiceProviders.Where(p => p.Id == w.ProviderId).Select(p => p.Name).FirstOrDefault(),
                }).ToListAsync(token);
                var names = await RegionQueries.NamesAsync(db, read.SelectMany(x => x.Worker.RegionCodes), token);
                return read.Select(x => (x.Worker, x.Provider, Areas: x.Worker.RegionCodes.Select(c => names.GetValueOrDefault(c, c)))).ToList();
            },
            x =>
            {
                var w = x.Worker;
                var phone = protector.Unprotect(w.PhoneProtected);
                return new Dictionary<string, object?>
                {
                    ["姓名"] = w.Name,
                    ["类别"] = ServiceLabels.Of(w.Kind),
                    ["服务机构"] = x.Provider ?? "",
                    ["电话"] = full ? phone : Masking.Phone(phone),
                    ["资质与证书"] = string.Join("、", w.Qualifications.Select(qn =>
                        ServiceLabels.Qualification(qn) + (w.Certificates.Where(c => c.Qualification == qn).MaxBy(c => c.ExpiresOn) is { } c
                            ? $"（至 {Display.Date(c.ExpiresOn)}）" : "（无证书）"))),
                    ["服务区域"] = string.Join("、", x.Areas),
                    ["在岗"] = w.Active ? "是" : "否",
                };
            },
            full, user, audit, clock, ct);
    }
}
