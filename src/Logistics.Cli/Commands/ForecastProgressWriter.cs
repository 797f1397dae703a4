using Logistics.Forecasting;

namespace Logistics.Cli.Commands;

/// <summary>Writes a forecast run's progress to stderr in the style of <see cref="SolverProgressWriter"/>: on a
/// terminal one line redrawn in place, elsewhere a line every few seconds. Silent for the first second, so that a
/// quick run prints no progress at all.</summary>
internal sealed class ForecastProgressWriter(TextWriter writer) : IProgress<ForecastProgress>
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private readonly bool _interactive = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
    private readonly Lock _lock = new();
    private TimeSpan? _lastWritten;
    private bool _lineOpen;

    private TimeSpan Every => _interactive ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(5);

    public void Report(ForecastProgress value)
    {
        lock (_lock)
        {
            if (value.Elapsed < Quiet || (_lastWritten is { } last && value.Elapsed - last < Every)) return;
            _lastWritten = value.Elapsed;
            var percent = value.Total == 0 ? 100 : 100 * value.Done / value.Total;
            var bar = new string('#', percent / 5).PadRight(20, '.');
            var line = $"forecast [{bar}] {percent,3}% {value.Stage}, {value.Elapsed.TotalSeconds:0} s";
            if (_interactive)
            {
                writer.Write("\r" + line.PadRight(Math.Max(line.Length, 79)));
                _lineOpen = true;
            }
            else
            {
                writer.WriteLine(line);
            }
            writer.Flush();
        }
    }

    /// <summary>Ends the in-place line, if one was drawn.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_lineOpen) writer.WriteLine();
            _lineOpen = false;
        }
    }
}
