namespace Logistics.Routing.Instances;

/// <summary>A benchmark file (instance, solution or BKS table) that cannot be read: names the file,
/// the line (1-based; 0 when the problem is the file as a whole), the field and the offending value.</summary>
public sealed class InstanceFormatException : Exception
{
    public InstanceFormatException(string file, int line, string field, string? value, string problem)
        : base(Describe(file, line, field, value, problem))
    {
        File = file;
        Line = line;
        Field = field;
        Value = value;
    }

    public string File { get; }
    public int Line { get; }
    public string Field { get; }
    public string? Value { get; }

    private static string Describe(string file, int line, string field, string? value, string problem)
    {
        var where = line > 0 ? $"{file}:{line}" : file;
        var what = value is null ? "" : $" (value '{value}')";
        return $"{where}: {field}: {problem}{what}";
    }
}
