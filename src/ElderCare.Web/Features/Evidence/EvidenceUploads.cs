using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Evidence;

/// <summary>The file input of <c>_EvidenceUpload.cshtml</c>: its form field name and label.</summary>
public sealed record EvidenceUploadField(string Name = "file", string Label = "证明材料");

/// <summary>
/// For page forms that take an evidence file (the form needs <c>enctype="multipart/form-data"</c> and the partial
/// <c>/Features/Evidence/_EvidenceUpload.cshtml</c>; the page model <c>[RequestSizeLimit(EvidenceUploads.PageRequestLimit)]</c> and
/// <c>[RequestFormLimits(MultipartBodyLengthLimit = EvidenceUploads.PageRequestLimit)]</c>). The configured
/// <see cref="EvidenceOptions.MaxBytes"/> is enforced while reading, as for the API.
/// </summary>
public static class EvidenceUploads
{
    public const long PageRequestLimit = EvidenceOptions.CeilingBytes + EvidenceOptions.FormOverheadBytes;

    /// <summary>
    /// Stores the posted file through <see cref="StoreEvidence"/> for the facility, as the signed-in user; errors about the
    /// file are keyed by the form field's name (show them with <see cref="OutcomePageModel"/>.Show and &lt;field-error&gt;).
    /// </summary>
    public static async Task<Outcome<EvidenceResource>> StoreEvidenceAsync(this PageModel page, IFormFile? file, Guid? facilityId,
        CancellationToken ct, string field = "file")
    {
        if (file is null || file.Length == 0) return Outcome<EvidenceResource>.Invalid(field, "请选择证明材料（照片、PDF 或 Excel 表格）。");
        var services = page.HttpContext.RequestServices;
        var user = services.GetRequiredService<CurrentUser>();
        await using var stream = file.OpenReadStream();
        var outcome = await StoreEvidence.Handle(new EvidenceUpload(facilityId, file.FileName, stream), user.Scope, user.UserName ?? "",
            services.GetRequiredService<AppDbContext>(), services.GetRequiredService<IEvidenceStore>(),
            services.GetRequiredService<EvidenceOptions>(), services.GetRequiredService<TimeProvider>(), ct);
        if (outcome.Kind != OutcomeKind.Invalid || field == "file") return outcome;
        var errors = new FieldErrors();
        foreach (var (key, messages) in outcome.Errors!.Entries)
            foreach (var m in messages) errors.Add(key == "file" ? field : key, m);
        return Outcome<EvidenceResource>.Invalid(errors);
    }
}
