namespace Logistics.Telemetry.Journal;

/// <summary>Which segments the journal may delete: those every consumer has committed past. The active (last)
/// segment is never deleted here; the journal closes it first when appends wait for space and it is wholly
/// consumed (<see cref="ShouldRollActive"/>).</summary>
internal static class JournalRetention
{
    /// <summary>The lowest checkpoint; null when there is no consumer (then nothing is deleted).</summary>
    public static long? MinimumCheckpoint(IReadOnlyDictionary<string, long> checkpoints) =>
        checkpoints.Count == 0 ? null : checkpoints.Values.Min();

    /// <summary>Deletes the consumed segments at the front of <paramref name="segments"/> and removes them from it.
    /// A file that cannot be deleted now is kept (and tried again on the next commit).</summary>
    /// <returns>The bytes freed; 0 when nothing was deleted.</returns>
    public static long DeleteConsumed(List<JournalSegment> segments, long? minimumCheckpoint)
    {
        if (minimumCheckpoint is not { } min) return 0;
        long freed = 0;
        while (segments.Count > 1 && segments[0].LastSequence <= min && segments[1].FirstSequence - 1 <= min)
        {
            var segment = segments[0];
            try
            {
                File.Delete(segment.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                break;
            }
            segments.RemoveAt(0);
            freed += segment.Length;
        }
        return freed;
    }

    /// <summary>Whether the active segment should be closed so that it can be deleted: appends wait for space and
    /// every consumer has committed all of it (otherwise a cap that the active segment alone fills would never
    /// free up).</summary>
    public static bool ShouldRollActive(JournalSegment active, long? minimumCheckpoint, bool appendsWaiting) =>
        appendsWaiting && active.LastSequence >= active.FirstSequence && minimumCheckpoint is { } min && min >= active.LastSequence;
}
