using System.Globalization;
using Logistics.Routing.Solver;

namespace Logistics.Benchmarks;

/// <summary>The search's tuning knobs as command-line options, shared by the setting comparisons
/// (<see cref="SearchComparison"/>) and the day's curve (<see cref="PlanningCurve"/>):
/// `--swap-star on|off` SWAP* in the local search everywhere or nowhere; `--decompose on|off` decomposition of large instances; `--sub interval,iterations,clients` its sizes; `--parallel interval,iterations,min clients` the decomposition that several threads search in parallel (from that many clients on); `--pop rate,route share,size` the crossover's rate and
/// routes exchanged and the population's size; `--stall iterations` those without a better plan before a route
/// elimination; `--granular size` the neighbours each client's moves try; `--temp start,end` the annealing's
/// temperatures; `--ruin average,longest` the clients a ruin removes on average and its longest string;
/// `--feasible share` the share of feasible candidates the penalties aim at; `--penalty-interval candidates` the
/// fewest candidates between two updates of the time-warp penalty on large instances; `--construct-warp factor` how
/// many times its starting weight time warp costs during the construction on large instances.</summary>
internal static class SearchTuning
{
    public const string Usage = "[--swap-star on|off] [--decompose on|off] [--sub interval,iterations,clients] [--parallel interval,iterations,min clients] [--pop rate,route share,size] [--stall iterations] [--granular size] " +
                                "[--temp start,end] [--ruin average,longest string] [--feasible share] [--penalty-interval candidates] [--construct-warp factor]";

    /// <summary>Applies <paramref name="option"/> with <paramref name="value"/> to <paramref name="parameters"/>.</summary>
    /// <returns>False when <paramref name="option"/> is not a tuning option.</returns>
    public static bool TryApply(string option, string value, ref SearchParameters parameters)
    {
        switch (option)
        {
            case "--decompose": parameters = parameters with { Decompose = OnOff(option, value) }; return true;
            case "--swap-star":
                // On: everywhere; off: nowhere, not even where the default turns it on (SwapStarMinClients).
                var on = OnOff(option, value);
                parameters = parameters with { SwapStar = on, SwapStarMinClients = on ? parameters.SwapStarMinClients : int.MaxValue };
                return true;
            case "--parallel":
            {
                var values = Numbers(value);
                parameters = parameters with
                {
                    ParallelDecompositionInterval = (int)values[0], ParallelSubproblemIterations = (int)values[1], ParallelDecompositionMinClients = (int)values[2],
                };
                return true;
            }
            case "--stall": parameters = parameters with { RouteEliminationStall = Int(value) }; return true;
            case "--granular": parameters = parameters with { GranularSize = Int(value) }; return true;
            case "--feasible": parameters = parameters with { TargetFeasible = Double(value) }; return true;
            case "--penalty-interval": parameters = parameters with { MinPenaltyUpdateInterval = Int(value) }; return true;
            case "--construct-warp": parameters = parameters with { ConstructionTimeWarpFactor = Double(value) }; return true;
            case "--temp":
            {
                var values = Numbers(value);
                parameters = parameters with { StartTemperature = values[0], EndTemperature = values[1] };
                return true;
            }
            case "--ruin":
            {
                var values = Numbers(value);
                parameters = parameters with { RuinAverageRemoved = values[0], RuinMaxStringLength = (int)values[1] };
                return true;
            }
            case "--pop":
            {
                var values = Numbers(value);
                parameters = parameters with { CrossoverRate = values[0], CrossoverRouteShare = values[1], PopulationSize = (int)values[2] };
                return true;
            }
            case "--sub":
            {
                var values = Numbers(value);
                parameters = parameters with { DecompositionInterval = (int)values[0], SubproblemIterations = (int)values[1], SubproblemClients = (int)values[2] };
                return true;
            }
            default: return false;
        }
    }

    private static bool OnOff(string option, string value) => value switch
    {
        "on" => true,
        "off" => false,
        _ => throw new FormatException($"{option} takes on or off, not '{value}'"),
    };

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
    private static double Double(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>An option's comma-separated values, e.g. `--temp 0.1,0.002`.</summary>
    private static double[] Numbers(string text) => text.Split(',').Select(Double).ToArray();
}
