using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace ElderCare.Web.Features.Elders;

/// <summary>
/// Bulk import of a town's list: the form posts the file to this page (wwwroot/js/import.js adds upload
/// progress); the results, the first errors and the link to the error sheet are shown on the answer. Posting the same
/// file again (a refresh) changes nothing, so there is no redirect after the post.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.WriteElders)]
[RequestSizeLimit(ImportElders.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportElders.MaxFileBytes)]
public sealed class ElderImportModel(AppDbContext db, CurrentUser user, FieldProtector protector, ElderOptions options, TimeProvider clock,
    IMemoryCache errorSheets, SpreadsheetLimits limits) : ImportPageModel<ImportElders.Result>
{
    protected override Task<Outcome<ImportElders.Result>> ImportAsync(Stream file, CancellationToken ct) =>
        ImportElders.Handle(file, ImportElders.Importer.Of(user), db, protector, options, limits, clock, errorSheets, ct);
}
