namespace Logistics.Cli.Tests.Vrp;

/// <summary>The shared VRP benchmark folder next to the repository.</summary>
internal static class VrpBenchmarkFiles
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "benchmarks", "vrp"));

    public static string Solomon(string file) => Path.Combine(Folder, "solomon", file);
    public static string Cvrplib(string file) => Path.Combine(Folder, "cvrplib-x", file);
}
