namespace Logistics.Telemetry.Journal;

/// <summary>The journal's files are damaged where damage cannot come from a crash, the journal could
/// not write, or it was used after it failed or closed.</summary>
public sealed class JournalException : IOException
{
    public JournalException(string message, string? path = null, long? offset = null, Exception? inner = null)
        : base(message, inner)
    {
        FilePath = path;
        Offset = offset;
    }

    /// <summary>The file concerned, when there is one.</summary>
    public string? FilePath { get; }

    /// <summary>The byte offset in <see cref="FilePath"/> where the damage starts, when known.</summary>
    public long? Offset { get; }
}
