using Logistics.Routing.Model;

namespace Logistics.Routing.Planning;

/// <summary>The solver's problem together with what each of its numbers stands for: client i is
/// <see cref="Stops"/>[i], location d &lt; depots is <see cref="DispatchProblem.Depots"/>[d], vehicle
/// type t is <see cref="DispatchProblem.Fleet"/>[t].</summary>
/// <param name="UsesWeight">True when the second demand dimension is weight in grams.</param>
public sealed record MappedProblem(
    DispatchProblem Source,
    ProblemData Data,
    IReadOnlyList<DeliveryStop> Stops,
    PrizeScheme Prizes,
    bool UsesWeight);
