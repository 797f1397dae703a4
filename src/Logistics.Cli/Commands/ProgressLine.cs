namespace Logistics.Cli.Commands;

/// <summary>One progress line on stderr for the commands' long runs (solving, forecasting), keeping stdout for
/// the result: on a terminal the line is redrawn in place every half second; elsewhere (logs, pipes) a line is
/// added every few seconds so that a log stays readable. Thread-safe.</summary>
internal sealed class ProgressLine(TextWriter writer)
{
    private readonly bool _interactive = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
    private readonly Lock _lock = new();
    private TimeSpan? _lastWritten;
    private bool _lineOpen;

    private TimeSpan Every => _interactive ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(5);

    /// <summary>Shows <paramref name="line"/> unless one was shown less than the interval before <paramref name="elapsed"/>;
    /// <paramref name="line"/> is only called when it will be shown.</summary>
    public void Update(TimeSpan elapsed, Func<string> line)
    {
        lock (_lock)
        {
            if (_lastWritten is { } last && elapsed - last < Every) return;
            _lastWritten = elapsed;
            Write(line());
        }
    }

    /// <summary>Shows <paramref name="line"/> now, whatever the interval.</summary>
    public void Show(string line)
    {
        lock (_lock) Write(line);
    }

    /// <summary>Ends the in-place line, if one was drawn, with an optional last word.</summary>
    public void Finish(string? line = null)
    {
        lock (_lock)
        {
            if (line is not null) Write(line);
            if (_lineOpen) writer.WriteLine();
            _lineOpen = false;
        }
    }

    private void Write(string line)
    {
        if (_interactive)
        {
            writer.Write("\r" + line.PadRight(Math.Max(line.Length, SafeWidth() - 1)));
            _lineOpen = true;
        }
        else
        {
            writer.WriteLine(line);
        }
        writer.Flush();
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
