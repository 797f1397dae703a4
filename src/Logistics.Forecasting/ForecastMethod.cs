namespace Logistics.Forecasting;

/// <summary>The methods a forecast may choose from per series by backtest.</summary>
public enum ForecastMethod
{
    /// <summary>Each future period repeats the same period one season earlier: the baseline every method must beat.</summary>
    SeasonalNaive,

    /// <summary>Exponential smoothing (error, trend, seasonality each none/additive/multiplicative, trend possibly damped), chosen by AICc.</summary>
    Ets,

    /// <summary>Seasonal ARIMA, orders chosen by unit-root tests and a stepwise AICc search (Hyndman &amp; Khandakar 2008).</summary>
    Arima,

    /// <summary>The mean of the ETS and ARIMA forecasts: two model classes that err differently, so their mean errs
    /// less than either on most series (the M3 and M4 competitions' finding). The method others must beat when both run.</summary>
    EtsArima,

    /// <summary>One gradient-boosted tree model across all series (ML.NET LightGBM) on lags, rolling means and calendar features.</summary>
    Boosted,

    /// <summary>Teunter–Syntetos–Babai: demand size and demand probability smoothed apart, for stores that order rarely.</summary>
    Tsb,

    /// <summary>The mean of the best methods' forecasts for the series.</summary>
    Combination,
}

/// <summary>Names of methods as they appear in output files and tables.</summary>
public static class ForecastMethods
{
    /// <summary>Every method, in the order tables list them.</summary>
    public static IReadOnlyList<ForecastMethod> All { get; } =
        [ForecastMethod.SeasonalNaive, ForecastMethod.Ets, ForecastMethod.Arima, ForecastMethod.EtsArima, ForecastMethod.Boosted, ForecastMethod.Tsb, ForecastMethod.Combination];

    /// <summary>Name of the simple method a series too short for any seasonal method falls back to.</summary>
    public const string FallbackName = "recent-mean";

    /// <summary>Name of the zero forecast of a series that stopped ordering.</summary>
    public const string InactiveName = "inactive";

    public static string Name(this ForecastMethod method) => method switch
    {
        ForecastMethod.SeasonalNaive => "seasonal-naive",
        ForecastMethod.Ets => "ets",
        ForecastMethod.Arima => "arima",
        ForecastMethod.EtsArima => "ets-arima",
        ForecastMethod.Boosted => "boosted",
        ForecastMethod.Tsb => "tsb",
        ForecastMethod.Combination => "combination",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown method"),
    };

    public static bool TryParse(string? text, out ForecastMethod method)
    {
        foreach (var m in All)
            if (string.Equals(m.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                method = m;
                return true;
            }
        method = default;
        return false;
    }
}
