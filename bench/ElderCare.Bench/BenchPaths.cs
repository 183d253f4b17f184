using System.Runtime.CompilerServices;

namespace ElderCare.Bench;

/// <summary>Where the repository, the generated data and the results file are, wherever the build output lives.</summary>
public static class BenchPaths
{
    /// <summary>The repository root: ELDERCARE_REPO, else the nearest folder above the working directory with ElderCare.slnx, else this source
    /// file's.</summary>
    public static string Repo { get; } = FindRepo();

    public static string BenchDir => Path.Combine(Repo, "bench");

    public static string DataDir => Path.Combine(BenchDir, "data");

    public static string ResultsFile => Path.Combine(BenchDir, "RESULTS.md");

    private static string FindRepo([CallerFilePath] string source = "")
    {
        if (Environment.GetEnvironmentVariable("ELDERCARE_REPO") is { Length: > 0 } env) return Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ElderCare.slnx"))) return dir.FullName;
        // bench/ElderCare.Bench/BenchPaths.cs → repository root
        return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", ".."));
    }
}
