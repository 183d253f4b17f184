using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ElderCare.Web.Features.Evidence;

/// <summary>
/// Evidence in S3-compatible object storage (AWS S3, MinIO, and the Chinese clouds' S3 interfaces): path-style
/// addressing for servers named by <see cref="EvidenceS3Options.ServiceUrl"/>. Objects are private and stored as
/// application/octet-stream; the app serves them itself (type, attachment, audit), never by a public or signed URL.
/// </summary>
public sealed class S3EvidenceStore(IAmazonS3 client, string bucket) : IEvidenceStore, IDisposable
{
    public static S3EvidenceStore From(EvidenceS3Options o)
    {
        var config = new AmazonS3Config { ForcePathStyle = !string.IsNullOrWhiteSpace(o.ServiceUrl) };
        if (!string.IsNullOrWhiteSpace(o.ServiceUrl)) config.ServiceURL = o.ServiceUrl;
        if (!string.IsNullOrWhiteSpace(o.Region))
        {
            if (string.IsNullOrWhiteSpace(o.ServiceUrl)) config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(o.Region);
            else config.AuthenticationRegion = o.Region;
        }
        var client = string.IsNullOrWhiteSpace(o.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(o.AccessKey, o.SecretKey), config);
        return new S3EvidenceStore(client, o.Bucket!);
    }

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        if (await ExistsAsync(key, ct)) return;
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = key, InputStream = content, AutoCloseStream = false, ContentType = "application/octet-stream",
        }, ct);
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken ct) =>
        (await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, ct)).ResponseStream;

    public async Task<bool> ExistsAsync(string key, CancellationToken ct)
    {
        try
        {
            await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, ct);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public void Dispose() => client.Dispose();
}
