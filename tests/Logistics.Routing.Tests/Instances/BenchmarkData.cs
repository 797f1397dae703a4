namespace Logistics.Routing.Tests.Instances;

/// <summary>Where the shared VRP benchmark files live (next to the repository), and the lists the
/// theories iterate over.</summary>
internal static class BenchmarkData
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "benchmarks", "vrp"));

    public static string Solomon(string file) => Path.Combine(Folder, "solomon", file);
    public static string Homberger(string file) => Path.Combine(Folder, "homberger", file);
    public static string Cvrplib(string file) => Path.Combine(Folder, "cvrplib-x", file);

    public static TheoryData<string> SolomonSolutions() => new(SolomonSolutionFiles());

    public static string[] SolomonSolutionFiles() =>
        FileNames(Path.Combine(Folder, "solomon", "solutions_distance_only"), "*.sol");

    public static TheoryData<string> CvrplibSolutions() => new(FileNames(Path.Combine(Folder, "cvrplib-x"), "*.sol"));

    public static TheoryData<string> HombergerSolutions() =>
        new(FileNames(Path.Combine(Folder, "homberger", "solutions_hierarchical"), "*.txt"));

    /// <summary>A file's lines, for tests that break a copy of them.</summary>
    public static string[] Lines(string path) => File.ReadAllLines(path);

    private static string[] FileNames(string folder, string pattern) =>
        Directory.GetFiles(folder, pattern).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
}
