using Logistics.Routing.Model;

namespace Logistics.Routing.Engines.OrTools;

/// <summary>The prizes of optional visits as OR-Tools penalties, which are 64-bit and add up with the
/// route costs in one 64-bit objective. Prizes that fit are kept exactly; otherwise each prize level
/// (distinct prize, highest tier first) keeps its order: the lowest level keeps its prize if the budget
/// allows, and each level above is worth the one below times the largest ratio (at most the prizes' own)
/// that keeps the sum of all penalties under <see cref="Budget"/>. Then a visit of one level outweighs only
/// ratio − 1 visits of the level below, so <see cref="TierGuarantee"/> checks the result.</summary>
internal sealed class OrToolsPenalties
{
    /// <summary>2^61: leaves the route costs and OR-Tools' own penalty terms room in a long.</summary>
    public const long Budget = 1L << 61;

    private readonly Dictionary<Int128, long> _byPrize;

    private OrToolsPenalties(Dictionary<Int128, long> byPrize, bool exact)
    {
        _byPrize = byPrize;
        Exact = exact;
    }

    /// <summary>True when every penalty equals its prize.</summary>
    public bool Exact { get; }

    public long Of(Int128 prize) => _byPrize[prize];

    public static OrToolsPenalties For(ProblemData data)
    {
        // One entry per visit the objective can charge: an optional group once, an optional client outside groups once.
        var inGroup = data.Groups.SelectMany(g => g.Clients).ToHashSet();
        var charged = data.Groups.Where(g => !g.Required).Select(g => data.Clients[g.Clients[0]].Prize)
            .Concat(data.Clients.Where((c, i) => !c.Required && !inGroup.Contains(i)).Select(c => c.Prize)).ToList();
        var levels = charged.Distinct().Order().ToArray();
        var counts = levels.Select(p => (Int128)charged.Count(x => x == p)).ToArray();
        if (levels.Length == 0) return new OrToolsPenalties([], exact: true);
        if (levels[0] < 0) throw new EngineRefusedException(RoutingEngines.OrTools, "a client has a negative prize");

        Int128 total = 0;
        for (var k = 0; k < levels.Length; k++) total += levels[k] * counts[k];
        if (total <= Budget) return new OrToolsPenalties(levels.Select((p, k) => (p, k)).ToDictionary(x => x.p, x => (long)x.p), exact: true);

        // Ratios between consecutive levels as the prizes have them (rounded up), capped at r; the largest r that fits.
        var ratios = levels.Skip(1).Select((p, k) => Ceiling(p, Int128.Max(levels[k], 1))).ToArray();
        var lowest = Int128.Min(Int128.Max(levels[0], 1), Budget / counts.Aggregate(Int128.Zero, (a, b) => a + b));
        Int128 lo = 1, hi = ratios.Length == 0 ? 1 : ratios.Max();
        while (lo < hi)
        {
            var mid = lo + (hi - lo + 1) / 2;
            if (Total(lowest, ratios, counts, mid) <= Budget) lo = mid; else hi = mid - 1;
        }
        if (lo < 2 && ratios.Length > 0)
        {
            // Even doubling per level does not fit with the lowest prize: lower the lowest level instead.
            lo = 2;
            lowest = Budget / Total(1, ratios, counts, 2);
        }
        var penalties = new Dictionary<Int128, long>();
        var penalty = lowest;
        for (var k = 0; k < levels.Length; k++)
        {
            penalties[levels[k]] = (long)penalty;
            if (k < ratios.Length) penalty *= Int128.Min(ratios[k], lo);
        }
        return new OrToolsPenalties(penalties, exact: false);
    }

    private static Int128 Ceiling(Int128 a, Int128 b) => (a + b - 1) / b;

    private static Int128 Total(Int128 lowest, Int128[] ratios, Int128[] counts, Int128 cap)
    {
        Int128 total = 0, penalty = lowest;
        for (var k = 0; k < counts.Length; k++)
        {
            total += penalty * counts[k];
            if (total > (Int128)Budget * 4) return (Int128)Budget * 4;
            if (k < ratios.Length) penalty *= Int128.Min(ratios[k], cap);
        }
        return total;
    }
}
