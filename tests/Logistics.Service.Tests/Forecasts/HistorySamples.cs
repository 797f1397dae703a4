using System.Globalization;
using System.Text;

namespace Logistics.Service.Tests.Forecasts;

/// <summary>Small order histories: monthly cartons of the sample stores S1–S3 (InputSamples) and S9 (no saved store),
/// three years with a yearly pattern peaking in February, so a forecast runs in a second or two.</summary>
internal static class HistorySamples
{
    public static readonly DateOnly FirstMonth = new(2023, 1, 1);
    public const int Months = 36;

    /// <summary>Cartons of a month: a level per store, February half again above January, a little trend and fixed wiggle.</summary>
    public static double Cartons(string store, DateOnly month, int index)
    {
        var level = store switch { "S1" => 120.0, "S2" => 60.0, "S9" => 30.0, _ => 20.0 };
        var season = month.Month switch { 1 => 1.0, 2 => 1.6, 5 => 1.3, 10 => 1.3, 12 => 0.8, _ => 1.0 };
        return Math.Round(level * season * (1 + 0.01 * index) + (index * 7 % 5), 0);
    }

    /// <summary>As the orders export writes it: store_id,date,cartons.</summary>
    public static string Csv(bool shortS3 = true)
    {
        var text = new StringBuilder("store_id,date,cartons\n");
        foreach (var store in new[] { "S1", "S2", "S3", "S9" })
            for (var i = 0; i < Months; i++)
            {
                // S3 opened late: too short for a backtest, it falls back to a simple method.
                if (store == "S3" && shortS3 && i < Months - 5) continue;
                var month = FirstMonth.AddMonths(i);
                text.Append(CultureInfo.InvariantCulture, $"{store},{month:yyyy-MM-dd},{Cartons(store, month, i)}\n");
            }
        return text.ToString();
    }

    public static int Rows(bool shortS3 = true) => 3 * Months + (shortS3 ? 5 : Months);
}
