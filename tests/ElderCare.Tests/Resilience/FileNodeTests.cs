using ElderCare.Web.Data;

namespace ElderCare.Tests.Resilience;

/// <summary>ADR 16: the alarm intake's check after each commit — does the path still name the file the app started with?</summary>
public class FileNodeTests
{
    [Fact]
    public void A_path_names_the_same_file_until_it_is_deleted_or_a_copy_is_renamed_over_it()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "device and inode on Linux");
        var path = Path.Combine(Path.GetTempPath(), "filenode-" + Guid.NewGuid().ToString("N") + ".db");
        File.WriteAllText(path, "a");
        using var held = File.OpenRead(path); // as SQLite holds the file, so its inode is not reused
        var started = FileNode.Of(path);
        Assert.NotNull(started);
        File.AppendAllText(path, "b");
        Assert.Equal(started, FileNode.Of(path)); // written in place: the same file

        File.Copy(path, path + ".copy");
        File.Move(path + ".copy", path, overwrite: true);
        Assert.NotEqual(started, FileNode.Of(path)); // same content, another file

        File.Delete(path);
        Assert.Null(FileNode.Of(path));
    }
}
