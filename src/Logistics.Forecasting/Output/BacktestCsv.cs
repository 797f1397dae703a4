using Logistics.Core.Csv;

namespace Logistics.Forecasting.Output;

/// <summary>Writes the backtest report: <c>series,method,mase,smape,chosen</c>, one row per series and method,
/// then one <c>(all series)</c> row per method with its means and interval coverage.</summary>
public static class BacktestCsv
{
    public const string AllSeries = "(all series)";

    public static readonly IReadOnlyList<string> Header = ["series", "method", "mase", "smape", "chosen", "coverage80", "coverage95", "seconds"];

    public static void Write(ForecastResult result, string path)
    {
        using var writer = new StreamWriter(path);
        Write(result, writer);
    }

    public static void Write(ForecastResult result, TextWriter writer)
    {
        var csv = new CsvCellWriter(writer);
        csv.Texts(Header).EndRow();
        foreach (var s in result.Scores)
            csv.Text(s.Series).Text(s.Method).Number(s.Mase, "0.####").Number(s.Smape, "0.##").Text(s.Chosen ? "yes" : "no")
                .Text(null).Text(null).Text(null).EndRow();
        foreach (var m in result.Methods)
            csv.Text(AllSeries).Text(m.Method).Number(m.MeanMase, "0.####").Number(m.MeanSmape, "0.##").Number((long)m.Chosen)
                .Number(m.Coverage80, "0.###").Number(m.Coverage95, "0.###").Number(m.Time.TotalSeconds, "0.###").EndRow();
    }
}
