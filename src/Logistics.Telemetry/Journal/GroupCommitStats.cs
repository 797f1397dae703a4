namespace Logistics.Telemetry.Journal;

/// <summary>How the journal's group commit has gone since it was opened: how many groups were written and flushed to
/// disk (one fsync each, plus one per segment rolled inside a group), how many records they held and how long the
/// flushes took. Records per group show whether pipelined appends share their fsyncs under load.</summary>
public readonly record struct GroupCommitStats(long Groups, long Records, long LargestGroup, TimeSpan FlushTime)
{
    public double RecordsPerGroup => Groups == 0 ? 0 : (double)Records / Groups;

    public TimeSpan FlushTimePerGroup => Groups == 0 ? TimeSpan.Zero : FlushTime / Groups;
}
