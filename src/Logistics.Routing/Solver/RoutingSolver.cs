using System.Diagnostics;
using Logistics.Routing.Model;

namespace Logistics.Routing.Solver;

/// <summary>Entry point of the route optimiser: an iterated local search with ruin-and-recreate,
/// granular local search and adaptive penalties (see <see cref="IteratedLocalSearch"/>); with more
/// than one thread, searches with different seeds, the best of which is returned, which on large instances share one
/// population (their crossovers draw on each other's best plans); on very large ones one search instead, whose
/// decomposition searches one part of its plan per thread at the same time.</summary>
public static class RoutingSolver
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Searches until the time or iteration limit or cancellation, and returns the best
    /// solution found (anytime). Thread-safe: every call has its own state.</summary>
    public static SolverResult Solve(ProblemData data, SolverOptions options, IProgress<SolverProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Solve(data, options, new SearchParameters { SwapStar = options.SwapStar, Decompose = options.Decompose }, progress, cancellationToken);

    /// <summary>As <see cref="Solve(ProblemData, SolverOptions, IProgress{SolverProgress}?, CancellationToken)"/>
    /// with other search parameters, for tests and benchmarks that compare settings.</summary>
    internal static SolverResult Solve(ProblemData data, SolverOptions options, SearchParameters parameters,
        IProgress<SolverProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (options.Threads < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Threads, "Threads must be at least 1");
        var clock = Stopwatch.StartNew();
        var search = new SearchData(data, parameters);

        // On a very large instance the threads work on one plan instead: one search whose decomposition steps search
        // one part of the plan per thread at the same time (issue 17: on the 3,000-store day, searches of their own
        // sharing a population were level with one thread).
        var threads = options.Threads;
        if (threads > 1 && search.NumClients >= parameters.ParallelDecompositionMinClients)
        {
            parameters = parameters with { DecompositionWorkers = threads };
            threads = 1;
        }
        var threadIterations = new long[threads];

        var gate = new object();
        var history = new List<CostPoint>();
        Int128? bestCost = null;
        var bestRoutes = 0;
        var bestUnassigned = 0;
        long bestRouteCost = 0;
        var lastReport = TimeSpan.Zero;

        long Iterations()
        {
            long sum = 0;
            for (var t = 0; t < threadIterations.Length; t++) sum += Volatile.Read(ref threadIterations[t]);
            return sum;
        }

        void Report(bool force)
        {
            if (progress is null) return;
            SolverProgress snapshot;
            lock (gate)
            {
                var now = clock.Elapsed;
                if (!force && now - lastReport < ProgressInterval) return;
                lastReport = now;
                snapshot = new SolverProgress(now, options.TimeLimit, Iterations(), bestCost, bestRoutes,
                    bestCost is null ? null : bestRouteCost, bestUnassigned);
            }
            progress.Report(snapshot);
        }

        var outcomes = new IteratedLocalSearch.Outcome[threads];
        // With several threads on a large instance, one pool for all: each thread's crossover can take routes from the
        // best plans of the others (independent searches did not pay for the second core, issue 17).
        var shared = threads > 1 && IteratedLocalSearch.UsesPopulation(search, parameters) ? new Population(search, parameters, shared: true) : null;
        void RunThread(int k)
        {
            var ils = new IteratedLocalSearch(search, parameters, options.Seed + 7919L * k, shared);
            outcomes[k] = ils.Run(clock, options.TimeLimit, options.MaxIterations, cancellationToken,
                (best, cost, routeCost) =>
                {
                    lock (gate)
                    {
                        if (bestCost is null || cost < bestCost)
                        {
                            bestCost = cost;
                            bestRoutes = best.UsedRoutes();
                            bestRouteCost = routeCost;
                            bestUnassigned = best.MissedCount();
                            history.Add(new CostPoint(clock.Elapsed, cost));
                        }
                    }
                    Report(force: false);
                },
                // The thread's count so far (a sub-problem's iterations arrive at once).
                iterations =>
                {
                    Volatile.Write(ref threadIterations[k], iterations);
                    Report(force: false);
                });
        }

        if (threads == 1) RunThread(0);
        else Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, RunThread);

        var winner = outcomes.OrderByDescending(o => o.Feasible).ThenBy(o => o.Cost).First();
        var cost = winner.Cost;
        if (search.HasArrivalWeights && winner.Feasible)
        {
            var costs = new CostEvaluator(search);
            var polish = new ArrivalPolish(search, costs);
            polish.Apply(winner.Best);
            cost = winner.Best.ObjectiveCost(costs) + polish.ArrivalCost(winner.Best);
            // The last report shows the plan's own route cost: the polish may spend a little on serving priority
            // stops earlier, and a progress line that ended below the plan's cost would look like a lost improvement.
            lock (gate) bestRouteCost = winner.Best.RouteCost(costs);
        }
        Report(force: true);
        var profile = new SearchProfile();
        foreach (var o in outcomes) profile.Add(o.Profile);
        return new SolverResult(winner.Best.ToSolution(), cost, winner.Feasible, clock.Elapsed,
            outcomes.Sum(o => o.Iterations), history) { Profile = profile };
    }
}
