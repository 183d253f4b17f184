namespace ElderCare.Web.Features.Evidence;

/// <summary>
/// Evidence on local disk under <see cref="EvidenceOptions.LocalFolder"/>: each file at the path of its content-addressed
/// key, written to a temporary file in the store and then moved into place (a reader never sees half a file), created
/// readable and writable by the app's user only and never executable.
/// </summary>
public sealed class LocalEvidenceStore(string root) : IEvidenceStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public static LocalEvidenceStore From(EvidenceOptions options, string contentRoot) =>
        new(Path.IsPathRooted(options.LocalFolder) ? options.LocalFolder : Path.Combine(contentRoot, options.LocalFolder));

    public string PathOf(string key) => EvidenceKeys.IsKey(key)
        ? Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar))
        : throw new ArgumentException($"not an evidence key: {key}", nameof(key));

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        var path = PathOf(key);
        if (File.Exists(path)) return;
        var temp = Path.Combine(Root, "tmp");
        Directory.CreateDirectory(temp);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tempFile = Path.Combine(temp, Guid.NewGuid().ToString("N"));
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var file = new FileStream(tempFile, create))
            {
                await content.CopyToAsync(file, ct);
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(tempFile, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another upload of the same bytes moved its copy first: the content is the same.
            }
        }
        finally
        {
            File.Delete(tempFile);
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken ct) =>
        Task.FromResult<Stream>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous));

    public Task<bool> ExistsAsync(string key, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(key)));
}
