using System.Globalization;

namespace Logistics.Routing.Instances;

/// <summary>Token splitting and number parsing shared by the benchmark readers, every failure reported
/// as an <see cref="InstanceFormatException"/> with file, line and field.</summary>
internal static class InstanceText
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\f', '\v'];

    /// <summary>The file's lines without their line endings (CRLF or LF); 1-based numbering is the caller's.</summary>
    public static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InstanceFormatException(path, 0, "file", null, $"cannot be read: {e.Message}");
        }
    }

    public static string[] Tokens(string line) => line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    public static long ParseLong(string file, int line, string field, string token) =>
        long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InstanceFormatException(file, line, field, token, "not an integer");

    public static int ParseInt(string file, int line, string field, string token) =>
        int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InstanceFormatException(file, line, field, token, "not an integer");

    public static double ParseDouble(string file, int line, string field, string token) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new InstanceFormatException(file, line, field, token, "not a number");
}
