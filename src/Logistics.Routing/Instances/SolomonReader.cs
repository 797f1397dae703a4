using System.Globalization;

namespace Logistics.Routing.Instances;

/// <summary>Reads Solomon and Gehring &amp; Homberger VRPTW files: the name on the first line, a VEHICLE
/// block (<c>NUMBER CAPACITY</c>), then a CUSTOMER block whose first row is the depot. Fields are
/// separated by any whitespace; header lines are recognised by not starting with a number, so
/// spacing, trailing blanks and CRLF endings do not matter.</summary>
public static class SolomonReader
{
    private static readonly string[] RowFields =
        ["CUST NO.", "XCOORD.", "YCOORD.", "DEMAND", "READY TIME", "DUE DATE", "SERVICE TIME"];

    public static BenchmarkInstance Read(string path, DistanceConvention convention = DistanceConvention.Dimacs) =>
        Parse(InstanceText.ReadLines(path), path, convention);

    /// <summary>Parses the lines of a file; <paramref name="file"/> names it in error messages.</summary>
    public static BenchmarkInstance Parse(IReadOnlyList<string> lines, string file, DistanceConvention convention = DistanceConvention.Dimacs)
    {
        var nameLine = NextNonBlank(lines, 0);
        if (nameLine < 0) throw new InstanceFormatException(file, 0, "name", null, "the file is empty");
        var name = lines[nameLine].Trim();

        var vehicleLine = FindKeyword(lines, nameLine + 1, "VEHICLE");
        if (vehicleLine < 0) throw new InstanceFormatException(file, 0, "VEHICLE", null, "missing section");
        var customerLine = FindKeyword(lines, vehicleLine + 1, "CUSTOMER");
        if (customerLine < 0) throw new InstanceFormatException(file, 0, "CUSTOMER", null, "missing section");

        var (fleet, capacity) = ReadVehicle(lines, vehicleLine, customerLine, file);
        var rows = ReadRows(lines, customerLine, file);
        if (rows.Count < 2)
            throw new InstanceFormatException(file, customerLine + 1, "CUSTOMER", null,
                rows.Count == 0 ? "no depot or customer rows (truncated file?)" : "only the depot row, no customers (truncated file?)");

        return new BenchmarkInstance(name, file, InstanceFormat.Solomon, rows[0], rows.Skip(1).ToArray(), capacity,
            fleet, hasTimeWindows: true, convention);
    }

    private static (int Fleet, long Capacity) ReadVehicle(IReadOnlyList<string> lines, int vehicleLine, int customerLine, string file)
    {
        for (var i = vehicleLine + 1; i < customerLine; i++)
        {
            var tokens = InstanceText.Tokens(lines[i]);
            if (tokens.Length == 0 || !StartsWithNumber(tokens)) continue;
            var lineNo = i + 1;
            if (tokens.Length < 2)
                throw new InstanceFormatException(file, lineNo, "CAPACITY", null, "missing: expected 'NUMBER CAPACITY'");
            var fleet = InstanceText.ParseInt(file, lineNo, "NUMBER", tokens[0]);
            var capacity = InstanceText.ParseLong(file, lineNo, "CAPACITY", tokens[1]);
            if (fleet <= 0) throw new InstanceFormatException(file, lineNo, "NUMBER", tokens[0], "must be positive");
            if (capacity <= 0) throw new InstanceFormatException(file, lineNo, "CAPACITY", tokens[1], "must be positive");
            return (fleet, capacity);
        }
        throw new InstanceFormatException(file, vehicleLine + 1, "NUMBER", null, "the VEHICLE section has no 'NUMBER CAPACITY' row");
    }

    private static List<BenchmarkNode> ReadRows(IReadOnlyList<string> lines, int customerLine, string file)
    {
        var rows = new List<BenchmarkNode>();
        var seen = new Dictionary<int, int>();
        for (var i = customerLine + 1; i < lines.Count; i++)
        {
            var tokens = InstanceText.Tokens(lines[i]);
            if (tokens.Length == 0) continue;
            var lineNo = i + 1;
            if (rows.Count == 0 && !StartsWithNumber(tokens)) continue; // column headings
            if (tokens.Length < RowFields.Length)
                throw new InstanceFormatException(file, lineNo, RowFields[tokens.Length], null,
                    $"missing: the row has {tokens.Length} of {RowFields.Length} fields (truncated file?)");
            if (tokens.Length > RowFields.Length)
                throw new InstanceFormatException(file, lineNo, "row", lines[i].Trim(), $"has {tokens.Length} fields, expected {RowFields.Length}");

            var number = InstanceText.ParseInt(file, lineNo, RowFields[0], tokens[0]);
            var x = InstanceText.ParseDouble(file, lineNo, RowFields[1], tokens[1]);
            var y = InstanceText.ParseDouble(file, lineNo, RowFields[2], tokens[2]);
            var demand = InstanceText.ParseLong(file, lineNo, RowFields[3], tokens[3]);
            var ready = InstanceText.ParseDouble(file, lineNo, RowFields[4], tokens[4]);
            var due = InstanceText.ParseDouble(file, lineNo, RowFields[5], tokens[5]);
            var service = InstanceText.ParseDouble(file, lineNo, RowFields[6], tokens[6]);

            if (seen.TryGetValue(number, out var firstLine))
                throw new InstanceFormatException(file, lineNo, RowFields[0], tokens[0], $"duplicate: already on line {firstLine}");
            if (demand < 0) throw new InstanceFormatException(file, lineNo, RowFields[3], tokens[3], "must not be negative");
            if (ready < 0) throw new InstanceFormatException(file, lineNo, RowFields[4], tokens[4], "must not be negative");
            if (due < ready)
                throw new InstanceFormatException(file, lineNo, RowFields[5], tokens[5],
                    $"is before READY TIME {ready.ToString(CultureInfo.InvariantCulture)}");
            if (service < 0) throw new InstanceFormatException(file, lineNo, RowFields[6], tokens[6], "must not be negative");

            seen[number] = lineNo;
            rows.Add(new BenchmarkNode(number, x, y, demand, ready, due, service));
        }
        return rows;
    }

    private static bool StartsWithNumber(string[] tokens) =>
        double.TryParse(tokens[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static int NextNonBlank(IReadOnlyList<string> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
            if (!string.IsNullOrWhiteSpace(lines[i])) return i;
        return -1;
    }

    private static int FindKeyword(IReadOnlyList<string> lines, int from, string keyword)
    {
        for (var i = from; i < lines.Count; i++)
        {
            var tokens = InstanceText.Tokens(lines[i]);
            if (tokens.Length == 1 && tokens[0].Equals(keyword, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }
}
