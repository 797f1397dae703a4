using System.Reflection;

namespace Logistics.Testing;

public static class RepositoryPaths
{
    /// <summary>The folder that holds Logistics.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (Debug or Release), so that they
    /// start the matching build of a program.</summary>
    public static string Configuration { get; } =
        Assembly.GetExecutingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Release";

    /// <summary>The built entry assembly of a project under src/ or simulators/.</summary>
    public static string ProgramDll(string project)
    {
        foreach (var folder in new[] { "src", "simulators" })
        {
            var dll = Path.Combine(Root, folder, project, "bin", Configuration, "net10.0", project + ".dll");
            if (File.Exists(dll)) return dll;
        }
        throw new FileNotFoundException($"{project}.dll ({Configuration}) is not built; run 'dotnet build Logistics.sln -c {Configuration}'.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Logistics.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No Logistics.sln above {AppContext.BaseDirectory}.");
    }
}
