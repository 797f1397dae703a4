namespace Logistics.Forecasting.Methods;

/// <summary>Kind of one ETS component.</summary>
internal enum Component
{
    None,
    Additive,
    Multiplicative,
}

/// <summary>One exponential-smoothing model of the taxonomy of Hyndman, Koehler, Ord &amp; Snyder (2008):
/// error, trend (possibly damped) and season, e.g. ETS(M,Ad,M).</summary>
internal readonly record struct EtsModel(Component Error, Component Trend, bool Damped, Component Season)
{
    public override string ToString() =>
        $"ETS({Letter(Error)},{Letter(Trend)}{(Damped ? "d" : "")},{Letter(Season)})";

    private static char Letter(Component c) => c switch { Component.Additive => 'A', Component.Multiplicative => 'M', _ => 'N' };

    /// <summary>The models tried, as R's forecast::ets does by default: additive or multiplicative errors, no,
    /// additive or damped trend, no, additive or multiplicative season; multiplicative error or season only for
    /// positive data; no additive error with a multiplicative season (numerically unstable).</summary>
    public static IEnumerable<EtsModel> Candidates(bool seasonal, bool positive)
    {
        foreach (var error in positive ? [Component.Additive, Component.Multiplicative] : new[] { Component.Additive })
            foreach (var (trend, damped) in new[] { (Component.None, false), (Component.Additive, false), (Component.Additive, true) })
                foreach (var season in seasonal ? positive ? [Component.None, Component.Additive, Component.Multiplicative] : new[] { Component.None, Component.Additive } : [Component.None])
                {
                    if (error == Component.Additive && season == Component.Multiplicative) continue;
                    yield return new EtsModel(error, trend, damped, season);
                }
    }
}
