using Logistics.Forecasting;

namespace Logistics.Cli.Commands;

/// <summary>A forecast run's progress as a <see cref="ProgressLine"/>: a bar, the share done and the stage. Silent
/// for the first second, so that a quick run prints no progress at all.</summary>
internal sealed class ForecastProgressWriter(TextWriter writer) : IProgress<ForecastProgress>
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private readonly ProgressLine _line = new(writer);

    public void Report(ForecastProgress value)
    {
        if (value.Elapsed < Quiet) return;
        _line.Update(value.Elapsed, () =>
        {
            var percent = value.Total == 0 ? 100 : 100 * value.Done / value.Total;
            var bar = new string('#', percent / 5).PadRight(20, '.');
            return $"forecast [{bar}] {percent,3}% {value.Stage}, {value.Elapsed.TotalSeconds:0} s";
        });
    }

    /// <summary>Ends the in-place line, if one was drawn.</summary>
    public void Finish() => _line.Finish();
}
