namespace Logistics.Simulators.Fleet.Publishing;

/// <summary>The per-truck MQTT accounts that scripts/infra.sh writes to .run/&lt;profile&gt;/devices.csv:
/// a header line, then <c>truck,password</c> per line.</summary>
public static class DevicesFile
{
    /// <exception cref="FormatException">The file is missing or a line is not truck,password.</exception>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"--devices: cannot read '{path}': {e.Message}", e);
        }
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var fields = lines[i].Split(',');
            if (fields.Length != 2 || fields[0].Length == 0 || fields[1].Length == 0)
                throw new FormatException($"--devices: {path} line {i + 1}: expected truck,password, found '{Mask(lines[i])}'");
            passwords[fields[0].Trim()] = fields[1].Trim();
        }
        return passwords;
    }

    /// <summary>Keeps a password that sits on a broken line out of the error message.</summary>
    private static string Mask(string line) => line.Contains(',') ? line[..line.IndexOf(',')] + ",…" : line;
}
