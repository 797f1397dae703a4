using Logistics.Core.Csv;

namespace Logistics.Forecasting.Output;

/// <summary>Writes <c>series,date,forecast,lower80,upper80,lower95,upper95,method</c>: one row per series and
/// future period, the depot total last, through <see cref="CsvCellWriter"/> (a store id starting like a
/// spreadsheet formula stays text).</summary>
public static class ForecastCsv
{
    public static readonly IReadOnlyList<string> Header = ["series", "date", "forecast", "lower80", "upper80", "lower95", "upper95", "method"];

    public static void Write(ForecastResult result, string path)
    {
        using var writer = new StreamWriter(path);
        Write(result, writer);
    }

    public static void Write(ForecastResult result, TextWriter writer)
    {
        var csv = new CsvCellWriter(writer);
        csv.Texts(Header).EndRow();
        foreach (var series in result.Series.Append(result.DepotTotal))
            foreach (var p in series.Points)
            {
                csv.Text(series.Series).Text(p.Date.ToString("yyyy-MM-dd"))
                    .Number(p.Forecast, "0.##").Number(p.Lower80, "0.##").Number(p.Upper80, "0.##")
                    .Number(p.Lower95, "0.##").Number(p.Upper95, "0.##").Text(series.Method).EndRow();
            }
    }
}
