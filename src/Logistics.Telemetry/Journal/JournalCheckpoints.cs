using System.Globalization;
using System.Text;

namespace Logistics.Telemetry.Journal;

/// <summary>The consumers' checkpoint files in the journal's folder: one <c>{name}.checkpoint</c> per consumer
/// holding the last sequence number it committed, replaced atomically.</summary>
internal static class JournalCheckpoints
{
    public const string Extension = ".checkpoint";
    public const string TempExtension = ".tmp";

    /// <summary>Consumer names: 1-64 letters, digits, '_' or '-' (they become file names).</summary>
    public static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            throw new ArgumentException($"consumer name must be 1-64 letters, digits, '_' or '-', got \"{name}\"", nameof(name));
    }

    /// <summary>Every checkpoint in <paramref name="directory"/>, and the names of those that cannot be read.</summary>
    public static (Dictionary<string, long> Checkpoints, List<string> Unreadable) ReadAll(string directory)
    {
        var checkpoints = new Dictionary<string, long>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                checkpoints[name] = value;
            else
                unreadable.Add(name);
        }
        return (checkpoints, unreadable);
    }

    /// <summary>Removes what a crash left of an unfinished <see cref="Write"/>.</summary>
    public static void DeleteTemporaryFiles(string directory)
    {
        foreach (var temp in Directory.EnumerateFiles(directory, "*" + TempExtension))
            File.Delete(temp);
    }

    /// <summary>Replaces a checkpoint atomically: write a temporary file, flush it, rename it over
    /// the old one, flush the folder. A crash leaves either the old or the new value.</summary>
    /// <exception cref="JournalException">The file system refused (the file system's error is the inner exception).</exception>
    public static void Write(string directory, string name, long sequence) => Translated(directory, name, "write", () =>
    {
        var path = PathOf(directory, name);
        var temp = path + TempExtension;
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1))
        {
            file.Write(Encoding.ASCII.GetBytes(sequence.ToString(CultureInfo.InvariantCulture) + "\n"));
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
        DirectorySync.Flush(directory);
    });

    /// <exception cref="JournalException">The file system refused.</exception>
    public static void Delete(string directory, string name) => Translated(directory, name, "delete", () =>
    {
        File.Delete(PathOf(directory, name));
        DirectorySync.Flush(directory);
    });

    /// <summary>The file system's errors become the journal's own, naming the consumer, where they enter it.</summary>
    private static void Translated(string directory, string name, string what, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException and not JournalException)
        {
            throw new JournalException($"The journal could not {what} the checkpoint of consumer \"{name}\" in {directory}: {e.Message}",
                PathOf(directory, name), inner: e);
        }
    }

    private static string PathOf(string directory, string name) => Path.Combine(directory, name + Extension);
}
