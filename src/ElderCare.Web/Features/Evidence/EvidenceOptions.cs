using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Features.Evidence;

public enum EvidenceStoreKind { Local, S3 }

/// <summary>Where evidence files are kept and how large one may be, from configuration section "Evidence"; checked at start (ADR 25).</summary>
public sealed class EvidenceOptions : IValidatableObject
{
    /// <summary>Local disk (the default) or S3-compatible object storage (production option).</summary>
    [EnumDataType(typeof(EvidenceStoreKind))]
    public EvidenceStoreKind Store { get; set; } = EvidenceStoreKind.Local;

    /// <summary>The folder of the local store, relative to the content root unless absolute.</summary>
    public string LocalFolder { get; set; } = "App_Data/evidence";

    /// <summary>The largest file accepted, in bytes (20 MB: a phone photo or a scanned PDF).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>S3-compatible storage (MinIO, OSS, COS …): used when <see cref="Store"/> is S3.</summary>
    public EvidenceS3Options S3 { get; set; } = new();

    /// <summary>What a request carrying one file may hold beyond the file: the multipart headers and the facility id.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public long MaxRequestBytes => MaxBytes + FormOverheadBytes;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Store == EvidenceStoreKind.Local && string.IsNullOrWhiteSpace(LocalFolder))
            yield return new ValidationResult("本地存储须填写目录。", [nameof(LocalFolder)]);
        if (Store != EvidenceStoreKind.S3) yield break;
        if (string.IsNullOrWhiteSpace(S3.Bucket)) yield return new ValidationResult("使用 S3 存储须填写存储桶名称。", ["S3:Bucket"]);
        if (string.IsNullOrWhiteSpace(S3.ServiceUrl) && string.IsNullOrWhiteSpace(S3.Region))
            yield return new ValidationResult("使用 S3 存储须填写服务地址（ServiceUrl）或区域（Region）。", ["S3:ServiceUrl", "S3:Region"]);
        if (!string.IsNullOrWhiteSpace(S3.ServiceUrl) && !Uri.TryCreate(S3.ServiceUrl, UriKind.Absolute, out _))
            yield return new ValidationResult($"服务地址“{S3.ServiceUrl}”不是完整的网址。", ["S3:ServiceUrl"]);
        if (string.IsNullOrWhiteSpace(S3.AccessKey) != string.IsNullOrWhiteSpace(S3.SecretKey))
            yield return new ValidationResult("访问密钥（AccessKey）与私有密钥（SecretKey）须同时填写或同时留空。", ["S3:AccessKey", "S3:SecretKey"]);
    }
}

public sealed class EvidenceS3Options
{
    /// <summary>The endpoint of an S3-compatible server (e.g. http://minio:9000); blank for AWS by <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    /// <summary>Blank for the SDK's default credentials (environment, instance role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }
    public string? Region { get; set; }
}
