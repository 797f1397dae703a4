using System.Diagnostics;
using Google.OrTools.ConstraintSolver;
using Logistics.Routing.Model;
using Logistics.Routing.Solver;
using OrFirstSolution = Google.OrTools.ConstraintSolver.FirstSolutionStrategy.Types.Value;
using OrMetaheuristic = Google.OrTools.ConstraintSolver.LocalSearchMetaheuristic.Types.Value;

namespace Logistics.Routing.Engines.OrTools;

/// <summary>Google OR-Tools' routing library as an engine: <see cref="OrToolsModel"/> states the whole
/// problem, OR-Tools searches (first solution strategy, then a metaheuristic, until the time limit), the
/// routes come back as our <see cref="Solution"/> and are judged by our own <see cref="SolutionEvaluation"/>,
/// and <see cref="TierGuarantee"/> restores the priority promise where 64-bit penalties could not keep it.
/// No OR-Tools type leaves this folder.</summary>
internal sealed class OrToolsEngine : IRoutingEngine
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Time the priority repair may take after the search, at most.</summary>
    private static readonly TimeSpan RepairBudget = TimeSpan.FromSeconds(5);

    public const string NotReproducible = "OR-Tools takes no seed: another run on the same input can give a different plan.";
    public const string SingleThreaded = "OR-Tools' routing search runs on one thread.";

    public string Name => RoutingEngines.OrTools;

    public SolverResult Solve(ProblemData data, SolverOptions options, IProgress<SolverProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (options.Threads > 1)
            throw new EngineRefusedException(Name, $"OR-Tools' routing search runs on one thread; {options.Threads} threads asked (use the ils engine for parallel searches)");
        if (options.MaxIterations is not null)
            throw new EngineRefusedException(Name, "OR-Tools has no iteration limit (use a time limit, or the ils engine for reproducible runs)");
        var clock = Stopwatch.StartNew();
        var notes = new List<string> { NotReproducible, SingleThreaded };
        if (data.NumVehicles == 0)
            return Result(data, new Solution([], Enumerable.Range(0, data.NumClients).ToArray()), clock, 0, [], notes);

        var penalties = OrToolsPenalties.For(data);
        var model = new OrToolsModel(data, penalties);
        var routing = model.Routing;
        var history = new List<CostPoint>();
        long? best = null;
        TimeSpan? lastReport = null;
        long solutions = 0;
        Exception? failure = null;
        routing.AddAtSolutionCallback(() =>
        {
            // An exception must not cross into native code (it would end the process): keep it, stop, rethrow.
            try
            {
                OnSolution();
            }
            catch (Exception e)
            {
                failure = e;
                routing.solver().FinishCurrentSearch();
            }
        });

        void OnSolution()
        {
            solutions++;
            // OR-Tools' own objective (its penalties are scaled) says whether this solution is its new best; the
            // curve and the progress are in our objective, so that both engines' figures compare.
            var cost = routing.CostVar().Value();
            if (best is null || cost < best)
            {
                best = cost;
                var evaluation = SolutionEvaluation.Of(data, model.ToSolution(null));
                if (evaluation.Feasible && (history.Count == 0 || evaluation.Cost < history[^1].Cost))
                    history.Add(new CostPoint(clock.Elapsed, evaluation.Cost));
                if (progress is not null && (lastReport is null || clock.Elapsed - lastReport >= ProgressInterval))
                {
                    lastReport = clock.Elapsed;
                    progress.Report(new SolverProgress(clock.Elapsed, options.TimeLimit, solutions, evaluation.Cost, evaluation.Routes,
                        evaluation.RouteCost, evaluation.Missed));
                }
            }
            // Checked at every solution the search makes, which it does many times a second once it has a first one.
            if (cancellationToken.IsCancellationRequested) routing.solver().FinishCurrentSearch();
        }

        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = ToOrTools(options.OrTools.FirstSolution);
        parameters.LocalSearchMetaheuristic = ToOrTools(options.OrTools.Metaheuristic);
        var remaining = options.TimeLimit - clock.Elapsed;
        parameters.TimeLimit = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(remaining > TimeSpan.FromMilliseconds(1) ? remaining : TimeSpan.FromMilliseconds(1));
        var assignment = routing.SolveWithParameters(parameters);
        if (failure is not null) throw new InvalidOperationException($"the OR-Tools search failed: {failure.Message}", failure);
        var solution = assignment is null
            ? new Solution([], Enumerable.Range(0, data.NumClients).ToArray())
            : model.ToSolution(assignment);
        if (assignment is null)
            notes.Add(cancellationToken.IsCancellationRequested ? "OR-Tools was cancelled before its first solution." : "OR-Tools found no solution within the time limit.");

        if (!penalties.Exact)
            notes.Add("Tier priorities are weighed approximately by OR-Tools (its penalties are 64-bit); the plan was checked afterwards for a stop left out while a lower one is served.");
        var guarantee = TierGuarantee.Enforce(data, solution, RepairBudget);
        if (guarantee.Restored > 0)
            notes.Add($"{guarantee.Restored} stop(s) that OR-Tools left out while serving lower-priority ones were put back after the search.");
        if (guarantee.Broken > 0)
            notes.Add($"Tier priority not kept: {guarantee.Broken} stop(s) are left out while a lower-priority stop is served, and could not be put back.");
        GC.KeepAlive(model);
        var result = Result(data, guarantee.Solution, clock, solutions, history, notes);
        if (assignment is not null && progress is not null)
        {
            // The last word, as our engine gives it: reports in the search are at most a few a second.
            var final = SolutionEvaluation.Of(data, result.Solution);
            progress.Report(new SolverProgress(result.Elapsed, options.TimeLimit, solutions, final.Cost, final.Routes, final.RouteCost, final.Missed));
        }
        return result;
    }

    /// <param name="solutions">Solutions OR-Tools reported (its "iterations").</param>
    private SolverResult Result(ProblemData data, Solution solution, Stopwatch clock, long solutions, List<CostPoint> history, List<string> notes)
    {
        var evaluation = SolutionEvaluation.Of(data, solution);
        return new SolverResult(solution, evaluation.Cost, evaluation.Feasible, clock.Elapsed, solutions, history)
        {
            Engine = Name,
            Notes = notes,
        };
    }

    private static OrFirstSolution ToOrTools(FirstSolutionStrategy strategy) => strategy switch
    {
        FirstSolutionStrategy.ParallelCheapestInsertion => OrFirstSolution.ParallelCheapestInsertion,
        FirstSolutionStrategy.PathCheapestArc => OrFirstSolution.PathCheapestArc,
        FirstSolutionStrategy.LocalCheapestInsertion => OrFirstSolution.LocalCheapestInsertion,
        FirstSolutionStrategy.Savings => OrFirstSolution.Savings,
        FirstSolutionStrategy.Christofides => OrFirstSolution.Christofides,
        _ => OrFirstSolution.Automatic,
    };

    private static OrMetaheuristic ToOrTools(Metaheuristic metaheuristic) => metaheuristic switch
    {
        Metaheuristic.GuidedLocalSearch => OrMetaheuristic.GuidedLocalSearch,
        Metaheuristic.SimulatedAnnealing => OrMetaheuristic.SimulatedAnnealing,
        Metaheuristic.TabuSearch => OrMetaheuristic.TabuSearch,
        Metaheuristic.GreedyDescent => OrMetaheuristic.GreedyDescent,
        _ => OrMetaheuristic.Automatic,
    };
}
