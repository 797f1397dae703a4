using System.Globalization;
using System.Text.RegularExpressions;

namespace Logistics.Routing.Instances;

/// <summary>A benchmark solution file: one <c>Route #k: c1 c2 ...</c> line per route and a final
/// <c>Cost x</c> line (CVRPLIB and PyVRP's VRPTW solutions). The SINTEF files of the Homberger
/// hierarchical BKS (<c>Route  k : ...</c> after a free-text header) are read too: lines that are
/// neither routes nor the cost are skipped. Numbers are kept as written; for CVRPLIB they are node
/// id − 1 (<see cref="BenchmarkInstance.SolutionFileOffset"/>).</summary>
public sealed partial record SolutionFile(IReadOnlyList<IReadOnlyList<int>> Routes, double? Cost)
{
    public static SolutionFile Read(string path) => Parse(InstanceText.ReadLines(path), path);

    /// <summary>Parses the lines of a file; <paramref name="file"/> names it in error messages.</summary>
    public static SolutionFile Parse(IReadOnlyList<string> lines, string file)
    {
        var routes = new List<IReadOnlyList<int>>();
        double? cost = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var lineNo = i + 1;
            var route = RouteLine().Match(lines[i]);
            if (route.Success)
            {
                var field = $"Route {route.Groups[1].Value}";
                routes.Add(InstanceText.Tokens(route.Groups[2].Value)
                    .Select(t => InstanceText.ParseInt(file, lineNo, field, t)).ToArray());
                continue;
            }
            var costLine = CostLine().Match(lines[i]);
            if (!costLine.Success) continue;
            if (cost is not null) throw new InstanceFormatException(file, lineNo, "Cost", costLine.Groups[1].Value, "given twice");
            cost = InstanceText.ParseDouble(file, lineNo, "Cost", costLine.Groups[1].Value);
        }
        if (routes.Count == 0) throw new InstanceFormatException(file, 0, "Route", null, "no 'Route #k:' line");
        return new SolutionFile(routes, cost);
    }

    /// <summary>Writes the routes and cost in the CVRPLIB/PyVRP format read by <see cref="Parse"/>.</summary>
    public void Write(TextWriter writer)
    {
        for (var k = 0; k < Routes.Count; k++)
            writer.WriteLine($"Route #{k + 1}: {string.Join(' ', Routes[k].Select(c => c.ToString(CultureInfo.InvariantCulture)))}");
        if (Cost is { } cost)
            writer.WriteLine($"Cost {Math.Round(cost, 4).ToString("0.####", CultureInfo.InvariantCulture)}");
    }

    public void Write(string path)
    {
        using var writer = new StreamWriter(path);
        Write(writer);
    }

    [GeneratedRegex(@"^\s*Route\s*#?\s*(\d+)\s*:(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex RouteLine();

    [GeneratedRegex(@"^\s*Cost\s+(\S+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CostLine();
}
