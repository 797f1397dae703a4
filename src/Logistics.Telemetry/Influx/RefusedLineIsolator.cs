namespace Logistics.Telemetry.Influx;

/// <summary>Finds exactly which lines of a refused batch InfluxDB will not take, by halving: a part
/// that is accepted is done, a refused part is split again until single lines remain. Each good
/// line may be written several times on the way, which is harmless because a point with the same
/// series and time overwrites itself. k refused lines among n cost about 2·k·log2(n) writes.</summary>
internal static class RefusedLineIsolator
{
    /// <param name="write">Writes lines [start, start + count); returns null when they were all stored,
    /// or the server's reason when it refused some (HTTP 400), and throws for any other failure.</param>
    /// <param name="wholeRefused">The server's reason when the caller already wrote all the lines and they were
    /// refused (so they are not written whole again); null to start with that write.</param>
    /// <param name="count">How many lines there are.</param>
    /// <param name="line">The text of a line (asked only of refused ones).</param>
    public static async Task<IReadOnlyList<RefusedLine>> IsolateAsync(
        int count, Func<int, string> line, Func<int, int, CancellationToken, Task<string?>> write, CancellationToken cancellationToken,
        string? wholeRefused = null)
    {
        var refused = new List<RefusedLine>();
        if (count > 0) await VisitAsync(0, count, wholeRefused);
        return refused;

        async Task VisitAsync(int start, int count, string? known = null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reason = known ?? await write(start, count, cancellationToken);
            if (reason is null) return;
            if (count == 1)
            {
                refused.Add(new RefusedLine(start, line(start), reason));
                return;
            }
            var half = count / 2;
            await VisitAsync(start, half);
            await VisitAsync(start + half, count - half);
        }
    }
}
