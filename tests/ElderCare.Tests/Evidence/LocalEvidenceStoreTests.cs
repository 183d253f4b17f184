using System.Security.Cryptography;
using ElderCare.Web.Features.Evidence;

namespace ElderCare.Tests.Evidence;

/// <summary>The local store: content-addressed paths, written whole then moved, never executable, no key outside the store.</summary>
public sealed class LocalEvidenceStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "eldercare-evidence-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_file_is_stored_at_its_key_readable_whole_never_executable_and_a_second_put_changes_nothing()
    {
        var store = new LocalEvidenceStore(_root);
        var bytes = EvidenceSamples.Padded(EvidenceSamples.Png, 100_000);
        var key = EvidenceKeys.For(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.False(await store.ExistsAsync(key, default));
        await store.PutAsync(key, new MemoryStream(bytes), default);
        Assert.True(await store.ExistsAsync(key, default));
        await using (var read = await store.OpenReadAsync(key, default))
        {
            var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }
        Assert.Equal(Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar)), store.PathOf(key));
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(store.PathOf(key));
            Assert.Equal(UnixFileMode.None, mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute));
            Assert.Equal(UnixFileMode.None, mode & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite));
        }
        await store.PutAsync(key, new MemoryStream([1, 2, 3]), default); // same key: the content is already there
        Assert.Equal(bytes, await File.ReadAllBytesAsync(store.PathOf(key)));
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, "tmp"))); // no temporary file left behind
    }

    [Fact]
    public void A_key_that_is_not_a_content_address_is_refused()
    {
        var store = new LocalEvidenceStore(_root);
        Assert.Throws<ArgumentException>(() => store.PathOf("../../etc/passwd"));
        Assert.Throws<ArgumentException>(() => store.PathOf("/etc/passwd"));
    }
}
