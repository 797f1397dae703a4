namespace Logistics.Routing.Solver;

/// <summary>Reported while the solver runs (a few times per second at most).</summary>
/// <param name="BestCost">Objective of the best feasible solution so far (prizes of clients left out
/// included); null before the first one.</param>
/// <param name="BestRouteCost">The route cost alone (fixed + distance + duration) of that solution.</param>
/// <param name="BestUnassigned">How many clients that solution leaves out.</param>
public sealed record SolverProgress(TimeSpan Elapsed, TimeSpan TimeLimit, long Iterations, Int128? BestCost, int BestRoutes,
    long? BestRouteCost = null, int BestUnassigned = 0);
