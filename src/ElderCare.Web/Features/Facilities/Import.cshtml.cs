using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Facilities;

/// <summary>Bulk facility import: the form posts the file here and the answer shows what became of each row.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.WriteFacilities)]
[RequestSizeLimit(ImportFacilities.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportFacilities.MaxFileBytes)]
public sealed class FacilityImportModel(AppDbContext db, CurrentUser user, SpreadsheetLimits limits, TimeProvider clock)
    : ImportPageModel<ImportFacilities.Result>
{
    protected override Task<Outcome<ImportFacilities.Result>> ImportAsync(Stream file, CancellationToken ct) =>
        ImportFacilities.Handle(file, limits, user.Scope, db, clock, ct);

    public static string Words(ImportFacilities.RowOutcome outcome) => outcome switch
    {
        ImportFacilities.RowOutcome.Imported => "新增",
        ImportFacilities.RowOutcome.Updated => "更新",
        ImportFacilities.RowOutcome.Unchanged => "未变化",
        _ => "有错误",
    };
}
