using System.Numerics;

namespace Logistics.Routing.Planning;

/// <summary>What leaving out a stop costs, by priority level, so that the solver's single objective
/// is lexicographic: first serve the higher levels, then the lower, then minimise route cost.</summary>
/// <remarks>
/// With n_j stops at level j and R a bound on the cost of all routes of any plan, the prizes
/// P_lowest = R + 1 and P_k = (R + 1) · Π_{j below k} (n_j + 1) give
/// P_k = R + 1 + Σ_{j below k} n_j · P_j: leaving out one stop of level k costs more than leaving out
/// every stop of all lower levels and driving any routes at all. Since P_lowest &gt; R, a stop is also
/// never dropped to save route cost.
/// The prizes grow as a product of the level counts, far beyond a long for a large day (the
/// generated 3,000-store day is capped in a long, strict in 128 bits), so they are 128-bit and the solver keeps them
/// apart from its route costs. The total of all prizes plus R is kept under <see cref="Budget"/>
/// (2^110, leaving the solver 2^17 headroom for the cost of required clients it must put back).
/// Only beyond it is each factor (n_j + 1) capped at the largest <see cref="Ratio"/> that fits: then a
/// stop of one level outweighs <c>Ratio − 1</c> stops of the level below (plus R) rather than all of
/// them, and <see cref="Strict"/> is false so the plan says so.
/// </remarks>
public sealed record PrizeScheme(long RouteCostBound, IReadOnlyList<Int128> PrizeByLevel, IReadOnlyList<int> StopsByLevel, bool Strict, long Ratio)
{
    public static readonly Int128 Budget = Int128.One << 110;

    /// <summary>The largest route cost bound the solver's long route costs leave room for.</summary>
    public const long MaxRouteCostBound = 1L << 56;

    public Int128 PrizeOf(int level) => PrizeByLevel[level];

    /// <remarks>Equal prizes (ratio 1) always fit: a long bound times an int count of stops is below 2^95.</remarks>
    public static PrizeScheme Compute(IReadOnlyList<int> stopsByLevel, long routeCostBound)
    {
        if (routeCostBound < 0) throw new ArgumentOutOfRangeException(nameof(routeCostBound), routeCostBound, "route cost bound must not be negative");
        var strictRatio = stopsByLevel.Max() + 1L;
        if (Total(stopsByLevel, routeCostBound, strictRatio) is { } strict && strict <= Budget)
            return Build(stopsByLevel, routeCostBound, strictRatio, strict: true);

        // Total is monotone in the ratio: binary search the largest ratio that fits.
        long lo = 1, hi = strictRatio;
        while (lo < hi)
        {
            var mid = lo + (hi - lo + 1) / 2;
            if (Total(stopsByLevel, routeCostBound, mid) <= Budget) lo = mid; else hi = mid - 1;
        }
        return Build(stopsByLevel, routeCostBound, lo, strict: false);
    }

    private static PrizeScheme Build(IReadOnlyList<int> counts, long bound, long ratio, bool strict)
    {
        var prizes = Prizes(counts, bound, ratio).Select(p => (Int128)p).ToArray();
        return new PrizeScheme(bound, prizes, counts.ToArray(), strict, ratio);
    }

    /// <summary>Prizes from the lowest level (last) up, in BigInteger so that overflow is measured, not suffered.</summary>
    private static BigInteger[] Prizes(IReadOnlyList<int> counts, long bound, long ratio)
    {
        var prizes = new BigInteger[counts.Count];
        var prize = new BigInteger(bound) + 1;
        for (var level = counts.Count - 1; level >= 0; level--)
        {
            prizes[level] = prize;
            prize *= Math.Min(counts[level] + 1L, ratio);
        }
        return prizes;
    }

    private static BigInteger Total(IReadOnlyList<int> counts, long bound, long ratio)
    {
        var prizes = Prizes(counts, bound, ratio);
        var total = new BigInteger(bound);
        for (var level = 0; level < counts.Count; level++) total += prizes[level] * counts[level];
        return total;
    }
}
