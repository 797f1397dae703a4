namespace Logistics.Forecasting;

/// <summary>What to forecast and how. Defaults are what <c>logistics forecast</c> uses.</summary>
public sealed record ForecastOptions
{
    /// <summary>Future periods to forecast, 1 or more.</summary>
    public int Horizon { get; init; } = 4;

    /// <summary>The period; null infers it from the history's dates.</summary>
    public Period? Period { get; init; }

    public MissingValues Missing { get; init; } = MissingValues.Zero;

    /// <summary>Methods the backtest chooses from; seasonal naive is always run, as the baseline.</summary>
    public IReadOnlyList<ForecastMethod> Methods { get; init; } = ForecastMethods.All;

    /// <summary>Rolling origins of the backtest: each holds out the <see cref="Horizon"/> periods after it.</summary>
    public int Origins { get; init; } = 6;

    /// <summary>Seed of the boosted model, so that the same history gives the same forecast.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Threads the run may use: backtest origins and the methods' final forecasts run side by side. The
    /// forecasts do not depend on it (each piece is computed on its own); only the time does.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Refuses nonsense before any work is done.</summary>
    public void Validate()
    {
        if (Horizon < 1) throw new ArgumentOutOfRangeException(nameof(Horizon), Horizon, "the horizon must be at least one period");
        if (Origins < 1) throw new ArgumentOutOfRangeException(nameof(Origins), Origins, "the backtest needs at least one origin");
        if (Threads < 1) throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "at least one thread is needed");
        if (Methods.Count == 0) throw new ArgumentException("at least one method is needed", nameof(Methods));
    }
}
