namespace Logistics.Routing.Planning;

/// <summary>The solver's integer cost unit: 1e-5 yuan. The solver needs whole costs per metre and per
/// second; at this unit a price is kept to 0.01 yuan/km and 0.036 yuan/h, whereas 1e-4 yuan would
/// round 2.35 yuan/km to 2.4 (2%). Smaller units would eat the headroom the tier prizes need
/// (see <see cref="PrizeScheme"/>).</summary>
public static class CostUnits
{
    public const long PerYuan = 100_000;

    public static long FromYuan(decimal yuan) => (long)Math.Round(yuan * PerYuan, MidpointRounding.AwayFromZero);

    public static long PerMetre(decimal yuanPerKm) => (long)Math.Round(yuanPerKm * PerYuan / 1000m, MidpointRounding.AwayFromZero);

    public static long PerSecond(decimal yuanPerHour) => (long)Math.Round(yuanPerHour * PerYuan / 3600m, MidpointRounding.AwayFromZero);

    public static decimal ToYuan(long units) => Math.Round((decimal)units / PerYuan, 2);

    /// <summary>An objective with prizes of stops left out can exceed decimal's range; it then reads as
    /// decimal's maximum, which no one mistakes for a route cost.</summary>
    public static decimal ToYuan(Int128 units) =>
        units <= (Int128)long.MaxValue && units >= (Int128)long.MinValue ? ToYuan((long)units) : units > 0 ? decimal.MaxValue : decimal.MinValue;
}
