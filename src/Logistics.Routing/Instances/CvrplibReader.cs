namespace Logistics.Routing.Instances;

/// <summary>Reads TSPLIB/CVRPLIB CVRP files (.vrp): <c>KEY : value</c> specification lines, then
/// NODE_COORD_SECTION, DEMAND_SECTION and DEPOT_SECTION (ids ended by -1), then EOF. Tokens may be
/// separated by tabs or spaces. Only single-depot EUC_2D instances are accepted; the fleet is
/// unlimited and there are no time windows.</summary>
public static class CvrplibReader
{
    private const string NodeCoordSection = "NODE_COORD_SECTION";
    private const string DemandSection = "DEMAND_SECTION";
    private const string DepotSection = "DEPOT_SECTION";

    public static BenchmarkInstance Read(string path, DistanceConvention convention = DistanceConvention.Tsplib) =>
        Parse(InstanceText.ReadLines(path), path, convention);

    /// <summary>Parses the lines of a file; <paramref name="file"/> names it in error messages.</summary>
    public static BenchmarkInstance Parse(IReadOnlyList<string> lines, string file, DistanceConvention convention = DistanceConvention.Tsplib)
    {
        string? name = null, edgeWeightType = null;
        int? dimension = null;
        long? capacity = null;
        (double X, double Y)[]? coordinates = null;
        long[]? demands = null;
        List<int>? depots = null;
        var capacityLine = 0;

        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];
            var lineNo = i + 1;
            var tokens = InstanceText.Tokens(line);
            i++;
            if (tokens.Length == 0) continue;
            var keyword = tokens[0].TrimEnd(':').ToUpperInvariant();
            switch (keyword)
            {
                case "EOF":
                    i = lines.Count;
                    continue;
                case NodeCoordSection:
                    var coordinateTable = new (double X, double Y)[RequireDimension(dimension, file, lineNo, keyword)];
                    coordinates = coordinateTable;
                    i = ReadTable(lines, i, file, keyword, coordinateTable.Length, 3, (id, fields, at) =>
                        coordinateTable[id - 1] = (InstanceText.ParseDouble(file, at, "x", fields[1]), InstanceText.ParseDouble(file, at, "y", fields[2])));
                    continue;
                case DemandSection:
                    var demandTable = new long[RequireDimension(dimension, file, lineNo, keyword)];
                    demands = demandTable;
                    i = ReadTable(lines, i, file, keyword, demandTable.Length, 2, (id, fields, at) =>
                    {
                        var demand = InstanceText.ParseLong(file, at, "demand", fields[1]);
                        if (demand < 0) throw new InstanceFormatException(file, at, "demand", fields[1], "must not be negative");
                        demandTable[id - 1] = demand;
                    });
                    continue;
                case DepotSection:
                    (depots, i) = ReadDepots(lines, i, file, RequireDimension(dimension, file, lineNo, keyword));
                    continue;
            }

            if (keyword.EndsWith("_SECTION", StringComparison.Ordinal))
                throw new InstanceFormatException(file, lineNo, keyword, null, "section not supported (only NODE_COORD, DEMAND and DEPOT)");
            var colon = line.IndexOf(':');
            if (colon < 0) throw new InstanceFormatException(file, lineNo, "line", line.Trim(), "expected 'KEY : value' or a section name");
            var key = line[..colon].Trim().ToUpperInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "NAME": name = value; break;
                case "DIMENSION":
                    dimension = InstanceText.ParseInt(file, lineNo, key, value);
                    if (dimension < 2) throw new InstanceFormatException(file, lineNo, key, value, "needs a depot and at least one customer");
                    break;
                case "CAPACITY":
                    capacity = InstanceText.ParseLong(file, lineNo, key, value);
                    capacityLine = lineNo;
                    if (capacity <= 0) throw new InstanceFormatException(file, lineNo, key, value, "must be positive");
                    break;
                case "EDGE_WEIGHT_TYPE":
                    edgeWeightType = value.ToUpperInvariant();
                    if (edgeWeightType != "EUC_2D")
                        throw new InstanceFormatException(file, lineNo, key, value, "not supported: only EUC_2D");
                    break;
                case "TYPE":
                    if (!value.Equals("CVRP", StringComparison.OrdinalIgnoreCase))
                        throw new InstanceFormatException(file, lineNo, key, value, "not supported: only CVRP");
                    break;
                default: break; // COMMENT and other informative keys
            }
        }

        if (dimension is null) throw new InstanceFormatException(file, 0, "DIMENSION", null, "missing");
        if (capacity is null) throw new InstanceFormatException(file, 0, "CAPACITY", null, "missing");
        if (edgeWeightType is null) throw new InstanceFormatException(file, 0, "EDGE_WEIGHT_TYPE", null, "missing");
        if (coordinates is null) throw new InstanceFormatException(file, 0, NodeCoordSection, null, "missing section");
        if (demands is null) throw new InstanceFormatException(file, 0, DemandSection, null, "missing section");
        if (depots is null) throw new InstanceFormatException(file, 0, DepotSection, null, "missing section");
        if (depots.Count != 1)
            throw new InstanceFormatException(file, 0, DepotSection, string.Join(' ', depots), "exactly one depot is supported");

        var depotId = depots[0];
        if (demands[depotId - 1] != 0)
            throw new InstanceFormatException(file, 0, DemandSection, demands[depotId - 1].ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"the depot (node {depotId}) must have demand 0");
        var nodes = Enumerable.Range(1, dimension.Value)
            .Select(id => new BenchmarkNode(id, coordinates[id - 1].X, coordinates[id - 1].Y, demands[id - 1], 0, double.PositiveInfinity, 0))
            .ToArray();
        var tooHeavy = nodes.FirstOrDefault(n => n.Demand > capacity);
        if (tooHeavy is not null)
            throw new InstanceFormatException(file, capacityLine, "CAPACITY", capacity.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"is below the demand of node {tooHeavy.Number} ({tooHeavy.Demand}): no vehicle could serve it");

        return new BenchmarkInstance(name ?? Path.GetFileNameWithoutExtension(file), file, InstanceFormat.Cvrplib,
            nodes[depotId - 1], nodes.Where(n => n.Number != depotId).ToArray(), capacity.Value, fleetBound: null,
            hasTimeWindows: false, convention);
    }

    private static int RequireDimension(int? dimension, string file, int lineNo, string section) =>
        dimension ?? throw new InstanceFormatException(file, lineNo, "DIMENSION", null, $"must come before {section}");

    /// <summary>Reads one "id field..." line per node; returns the index of the line after the section.</summary>
    private static int ReadTable(IReadOnlyList<string> lines, int start, string file, string section, int dimension, int fieldCount,
        Action<int, string[], int> store)
    {
        var seen = new bool[dimension];
        var read = 0;
        var i = start;
        while (read < dimension)
        {
            if (i >= lines.Count || IsKeywordLine(lines[i]))
                throw new InstanceFormatException(file, i >= lines.Count ? lines.Count : i + 1, section, null,
                    $"ends after {read} of {dimension} nodes (truncated file?)");
            var tokens = InstanceText.Tokens(lines[i]);
            var lineNo = i + 1;
            i++;
            if (tokens.Length == 0) continue;
            if (tokens.Length < fieldCount)
                throw new InstanceFormatException(file, lineNo, section, lines[lineNo - 1].Trim(),
                    $"expected {fieldCount} fields, got {tokens.Length} (truncated file?)");
            var id = InstanceText.ParseInt(file, lineNo, "node id", tokens[0]);
            if (id < 1 || id > dimension)
                throw new InstanceFormatException(file, lineNo, "node id", tokens[0], $"outside 1..DIMENSION ({dimension})");
            if (seen[id - 1]) throw new InstanceFormatException(file, lineNo, "node id", tokens[0], $"duplicate in {section}");
            seen[id - 1] = true;
            store(id, tokens, lineNo);
            read++;
        }
        return i;
    }

    private static (List<int> Depots, int Next) ReadDepots(IReadOnlyList<string> lines, int start, string file, int dimension)
    {
        var depots = new List<int>();
        for (var i = start; i < lines.Count; i++)
        {
            if (IsKeywordLine(lines[i])) break;
            foreach (var token in InstanceText.Tokens(lines[i]))
            {
                var id = InstanceText.ParseInt(file, i + 1, DepotSection, token);
                if (id == -1) return (depots, i + 1);
                if (id < 1 || id > dimension)
                    throw new InstanceFormatException(file, i + 1, DepotSection, token, $"outside 1..DIMENSION ({dimension})");
                depots.Add(id);
            }
        }
        throw new InstanceFormatException(file, lines.Count, DepotSection, null, "not terminated by -1 (truncated file?)");
    }

    private static bool IsKeywordLine(string line)
    {
        var tokens = InstanceText.Tokens(line);
        return tokens.Length > 0 && tokens[0].Length > 0 && char.IsLetter(tokens[0][0]);
    }
}
