namespace Logistics.Forecasting.History;

/// <summary>One series on a regular grid of periods: <see cref="Values"/>[i] is the period starting
/// <see cref="Period"/>.Add(<see cref="Start"/>, i).</summary>
internal sealed record RegularSeries(string Id, Period Period, DateOnly Start, double[] Values)
{
    public int Length => Values.Length;

    public DateOnly DateAt(int index) => Period.Add(Start, index);

    /// <summary>The first <paramref name="length"/> periods (a backtest's training part).</summary>
    public RegularSeries Head(int length) => this with { Values = Values[..length] };
}
