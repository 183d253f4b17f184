using System.Security.Cryptography;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evidence;

/// <summary>
/// Stores an evidence file of a facility (三(二)(三): payment against evidence). The facility must be in the caller's
/// scope, as a read of it (ADR 19; another unit's facility is not found). The upload is read once, streaming: counted
/// against <see cref="EvidenceOptions.MaxBytes"/> (reading stops past it and nothing is stored), hashed (SHA-256) and
/// spooled to a temporary file; then its type is sniffed from the bytes (<see cref="EvidenceTypes"/>), the bytes go to
/// the store under their content-addressed key, and the record is written. The same bytes for the same facility return
/// the record already there.
/// </summary>
public static class StoreEvidence
{
    /// <summary>The refusal of an oversized file, under the field <c>file</c> (the API answers it with 413).</summary>
    public const string TooLargePrefix = "文件过大";

    public static string TooLarge(EvidenceOptions options) =>
        $"{TooLargePrefix}：证明材料不能超过 {Display(options.MaxBytes)}。请压缩照片或分成几个文件上传。";

    public static async Task<Outcome<EvidenceResource>> Handle(EvidenceUpload upload, DataScope scope, string userName, AppDbContext db,
        IEvidenceStore store, EvidenceOptions options, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var fileName = CleanName(upload.FileName, errors);
        errors.AddIf(upload.FacilityId is null, "facilityId", "请选择证明材料所属的设施。");
        if (errors.Any) return Outcome<EvidenceResource>.Invalid(errors);
        var facility = await db.Facilities.AsNoTracking().InScope(scope).Where(f => f.Id == upload.FacilityId)
            .Select(f => new { f.Id, f.UnitCode }).FirstOrDefaultAsync(ct);
        if (facility is null) return Outcome<EvidenceResource>.NotFound("未找到该设施，或不在您的管辖范围内。");

        await using var spool = new FileStream(Path.Combine(Path.GetTempPath(), "eldercare-evidence-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var (length, sha256) = await SpoolAsync(upload.Content, spool, options.MaxBytes, ct);
        if (length > options.MaxBytes) return Outcome<EvidenceResource>.Invalid("file", TooLarge(options));
        if (length == 0) return Outcome<EvidenceResource>.Invalid("file", "上传的文件是空的。");
        var type = await EvidenceTypes.OfAsync(spool, ct);
        if (type is null) return Outcome<EvidenceResource>.Invalid("file", EvidenceTypes.Refusal);

        var existing = await Existing(db, facility.Id, sha256, ct);
        if (existing is not null) return EvidenceResource.From(existing);
        var key = EvidenceKeys.For(sha256);
        spool.Position = 0;
        await store.PutAsync(key, spool, ct);
        var file = new EvidenceFile
        {
            FacilityId = facility.Id, UnitCode = facility.UnitCode, FileName = fileName ?? "未命名" + type.Extension,
            ContentType = type.ContentType, Length = length, Sha256 = sha256, StorageKey = key, UploadedBy = userName,
            UploadedAt = clock.UtcNow(),
        };
        db.EvidenceFiles.Add(file);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same bytes uploaded twice at once: the first record stands.
            if (await Existing(db, facility.Id, sha256, ct) is { } raced) return EvidenceResource.From(raced);
            throw;
        }
        return EvidenceResource.From(file);
    }

    private static Task<EvidenceFile?> Existing(AppDbContext db, Guid facilityId, string sha256, CancellationToken ct) =>
        db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.FacilityId == facilityId && f.Sha256 == sha256, ct);

    /// <summary>
    /// Copies at most <paramref name="maxBytes"/> + 1 bytes, hashing them; returns the count read (over the bound when the
    /// upload is too large: reading stopped there) and the lower-case hex SHA-256.
    /// </summary>
    public static async Task<(long Length, string Sha256)> SpoolAsync(Stream source, Stream target, long maxBytes, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        while (total <= maxBytes)
        {
            var n = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, maxBytes + 1 - total)), ct);
            if (n == 0) break;
            total += n;
            if (total > maxBytes) break;
            hash.AppendData(buffer, 0, n);
            await target.WriteAsync(buffer.AsMemory(0, n), ct);
        }
        await target.FlushAsync(ct);
        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The given name without any folder part, cleaned as free text (ADR 20); null when blank.</summary>
    public static string? CleanName(string? given, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(given)) return null;
        var name = given[(given.LastIndexOfAny(['/', '\\']) + 1)..];
        var cleaned = errors.Text(name, "file", "文件名", FreeText.LongName);
        return string.IsNullOrWhiteSpace(cleaned) ? null : cleaned;
    }

    private static string Display(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";
}
