using Logistics.Routing.Model;

namespace Logistics.Routing.Planning;

/// <summary>The solver's problem together with what each of its numbers stands for: client i is stop
/// <see cref="StopOfClient"/>[i] in one of its receiving windows (a stop with several windows is a
/// group of alternative clients, one per window), location d &lt; depots is
/// <see cref="DispatchProblem.Depots"/>[d], vehicle type t is <see cref="DispatchProblem.Fleet"/>[t].</summary>
/// <param name="UsesWeight">True when the second demand dimension is weight in grams.</param>
public sealed record MappedProblem(
    DispatchProblem Source,
    ProblemData Data,
    IReadOnlyList<DeliveryStop> Stops,
    IReadOnlyList<int> StopOfClient,
    PrizeScheme Prizes,
    bool UsesWeight)
{
    /// <summary>The clients (one per receiving window) of stop <paramref name="stop"/>.</summary>
    public IEnumerable<int> ClientsOf(int stop)
    {
        for (var c = 0; c < StopOfClient.Count; c++)
            if (StopOfClient[c] == stop) yield return c;
    }
}
