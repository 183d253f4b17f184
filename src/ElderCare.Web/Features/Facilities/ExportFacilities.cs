using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Facilities;

/// <summary>The facility list as .xlsx: the rows of <see cref="ListFacilities"/> with its filters and order, all pages (Shared/ListExport).</summary>
public static class ExportFacilities
{
    public static Task<Outcome<ExportFile>> Handle(ListFacilities.Query q, CurrentUser user, AppDbContext db, AuditLog audit,
        TimeProvider clock, CancellationToken ct) =>
        ListExport.Write("facilities", "养老服务设施", q, errors => ListFacilities.Filter(q, user.Scope, db, errors),
            facilities => ListFacilities.Sorted(facilities, q),
            (rows, token) => ListFacilities.Rows(rows, db).ToListAsync(token),
            f => new Dictionary<string, object?>
            {
                ["名称"] = f.Name,
                ["类型"] = Labels.Of(f.Type),
                ["所在区域"] = f.RegionName ?? f.RegionCode,
                ["区划代码"] = f.RegionCode,
                ["状态"] = Labels.Of(f.Status),
                ["建筑面积（㎡）"] = f.FloorArea,
                ["床位"] = f.Beds,
                ["运营方式"] = Labels.Of(f.OperationMode),
                ["运营方"] = f.OperatorName ?? "",
                ["开业日期"] = f.OpenedOn is { } d ? Display.Date(d) : "",
                ["开放时间"] = f.OpeningHours ?? "",
                ["服务电话"] = f.ServicePhone ?? "",
            },
            false, user, audit, clock, ct);
}
