using System.Globalization;
using Logistics.Routing.Instances;
using Logistics.Routing.Solver;

namespace Logistics.Cli.Commands;

/// <summary>Writes the solver's progress to stderr, keeping stdout for the result. On a terminal
/// one line is redrawn in place; elsewhere (logs, pipes) a line is added every few seconds so that
/// a log stays readable.</summary>
internal sealed class SolverProgressWriter : IProgress<SolverProgress>
{
    private readonly TextWriter _writer;
    private readonly string _label;
    private readonly BenchmarkInstance _instance;
    private readonly bool _interactive;
    private readonly TimeSpan _every;
    private readonly Lock _lock = new();
    private TimeSpan? _lastWritten;
    private bool _lineOpen;

    public SolverProgressWriter(TextWriter writer, string label, BenchmarkInstance instance)
    {
        _writer = writer;
        _label = label;
        _instance = instance;
        _interactive = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
        _every = _interactive ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(5);
    }

    /// <summary>Says that the instance is starting, before the solver's first report.</summary>
    public void Start(TimeSpan timeLimit) =>
        Write($"{_label}: {_instance.Customers.Count} customers, solving for {Seconds(timeLimit)} s");

    public void Report(SolverProgress value)
    {
        lock (_lock)
        {
            if (_lastWritten is { } last && value.Elapsed - last < _every) return;
            _lastWritten = value.Elapsed;
            var best = value.BestRouteCost is { } cost
                ? $"best {_instance.ToReportedDistance(cost).ToString("0.####", CultureInfo.InvariantCulture)} with {value.BestRoutes} routes"
                : "no feasible solution yet";
            Write($"{_label}: {Seconds(value.Elapsed)} / {Seconds(value.TimeLimit)} s, {best}, {value.Iterations} iterations");
        }
    }

    /// <summary>Ends the progress display with the instance's outcome.</summary>
    public void Finish(string outcome)
    {
        lock (_lock)
        {
            Write($"{_label}: {outcome}");
            if (_lineOpen) _writer.WriteLine();
            _lineOpen = false;
        }
    }

    private void Write(string line)
    {
        if (_interactive)
        {
            _writer.Write("\r" + line.PadRight(Math.Max(line.Length, SafeWidth() - 1)));
            _lineOpen = true;
        }
        else
        {
            _writer.WriteLine(line);
        }
        _writer.Flush();
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

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
