namespace ElderCare.Web.Features.Evidence;

/// <summary>An evidence file as the API shows it; <see cref="ContentUrl"/> downloads it (always as an attachment).</summary>
public sealed record EvidenceResource(Guid Id, Guid FacilityId, string FileName, string ContentType, long Length, string Sha256,
    string UploadedBy, DateTime UploadedAt)
{
    public string ContentUrl => $"/api/evidence/{Id}/content";

    public static EvidenceResource From(EvidenceFile f) =>
        new(f.Id, f.FacilityId, f.FileName, f.ContentType, f.Length, f.Sha256, f.UploadedBy, f.UploadedAt);
}

/// <summary>What is uploaded: the facility the file belongs to, the name the client gave and the bytes (read once, bounded).</summary>
public sealed record EvidenceUpload(Guid? FacilityId, string? FileName, Stream Content);
