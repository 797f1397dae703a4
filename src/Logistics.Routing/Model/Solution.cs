namespace Logistics.Routing.Model;

/// <summary>One vehicle's route: its type and the clients it visits in order (client indices,
/// 0-based among <see cref="ProblemData.Clients"/>, depots not included).</summary>
public sealed record SolutionRoute(int VehicleType, IReadOnlyList<int> Clients);

/// <summary>A set of routes and the clients left out. Says nothing about cost: evaluate it with
/// <see cref="RouteSchedule"/> or the solver's own evaluation.</summary>
public sealed record Solution(IReadOnlyList<SolutionRoute> Routes, IReadOnlyList<int> Unassigned);
