namespace ElderCare.Tests.Web;

/// <summary>
/// The house style that a reader sees first (.editorconfig <c>max_line_length = 150</c>): no source line is wider than
/// 150 characters, outside generated migrations, the generated API client and the pinned third-party files under wwwroot/lib.
/// </summary>
public sealed class SourceStyleTests
{
    private const int MaxLineLength = 150;

    [Fact]
    public void No_line_in_the_code_is_longer_than_150_characters()
    {
        var repo = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repo, "ElderCare.slnx"))) repo = Path.GetDirectoryName(repo.TrimEnd('/'))!;
        var roots = new[] { "src", "tests", "bench" }.Select(r => Path.Combine(repo, r));
        var wide = roots.SelectMany(root => Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !Skipped(Path.GetRelativePath(repo, f)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(repo, f), Line: i + 1, line.Length)))
            .Where(l => l.Length > MaxLineLength)
            .Select(l => $"{l.File}:{l.Line} ({l.Length})")
            .ToList();
        Assert.True(wide.Count == 0, $"{wide.Count} lines over {MaxLineLength} characters:\n" + string.Join('\n', wide.Take(50)));
    }

    private static bool Skipped(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar);
        return parts.Contains("Migrations") || parts.Contains("bin") || parts.Contains("obj") || parts.Contains("lib")
               || parts.Contains("ElderCare.ApiClient"); // openapi: the Kiota-generated client (scripts/generate-client.sh)
    }
}
