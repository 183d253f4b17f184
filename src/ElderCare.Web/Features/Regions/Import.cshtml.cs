using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Regions;

/// <summary>Import of communities and villages from the 统计用区划代码 list: all rows or none.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.WriteRegions)]
[RequestSizeLimit(ImportRegions.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportRegions.MaxFileBytes)]
public sealed class RegionImportModel(AppDbContext db, CurrentUser user, AuditLog audit, SpreadsheetLimits limits, TimeProvider clock)
    : ImportPageModel<ImportRegions.Result>
{
    protected override Task<Outcome<ImportRegions.Result>> ImportAsync(Stream file, CancellationToken ct) =>
        ImportRegions.Handle(file, limits, ImportRegions.Importer.Of(user, User), db, audit, clock, ct);

    public static string Words(ImportRegions.RowOutcome outcome) => outcome switch
    {
        ImportRegions.RowOutcome.Imported => "新增",
        ImportRegions.RowOutcome.Renamed => "改名",
        ImportRegions.RowOutcome.Corrected => "更正代码",
        ImportRegions.RowOutcome.Unchanged => "未变化",
        _ => "有错误",
    };
}
