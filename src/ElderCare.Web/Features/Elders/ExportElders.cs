using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Elders;

/// <summary>
/// The elder list as .xlsx: exactly the rows of <see cref="ListElders"/> with the same filters and order, all pages
/// (Shared/ListExport: capped, audited). ID number and phone masked unless the user may unmask (ADR 6, QUALITY.md S6).
/// </summary>
public static class ExportElders
{
    public static async Task<Outcome<ExportFile>> Handle(ListElders.Query q, CurrentUser user, AppDbContext db, FieldProtector protector,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var full = user.CanUnmask;
        return await ListExport.Write("elders", "老年人名单", q, errors => ListElders.Filter(q, user.Scope, db, clock, errors),
            elders => ListElders.Sorted(elders, q),
            (rows, token) => rows.Select(e => new
            {
                Elder = e, RegionName = db.Regions.Where(r => r.Code == e.RegionCode).Select(r => r.Name).FirstOrDefault(),
            }).ToListAsync(token),
            x =>
            {
                var e = x.Elder;
                var id = protector.Unprotect(e.IdNumberProtected);
                var phone = protector.Unprotect(e.PhoneProtected);
                return new Dictionary<string, object?>
                {
                    ["姓名"] = e.Name,
                    ["身份证号码"] = full ? id : Masking.IdNumber(id),
                    ["性别"] = ElderLabels.Of(e.Sex),
                    ["年龄"] = IdNumber.Age(e.BirthDate, today),
                    ["联系电话"] = full ? phone : Masking.Phone(phone),
                    ["所在区域"] = x.RegionName ?? e.RegionCode,
                    ["区划代码"] = e.RegionCode,
                    ["居住情况"] = ElderLabels.Of(e.LivingArrangement),
                    ["类别"] = string.Join("、", e.Categories.Select(ElderLabels.Of)),
                    ["能力等级"] = ElderLabels.Level(e.CurrentLevel),
                    ["最近评估"] = e.LastAssessedOn is { } d ? Display.Date(d) : "",
                    ["状态"] = ElderLabels.Of(e.Status),
                };
            },
            full, user, audit, clock, ct);
    }
}
