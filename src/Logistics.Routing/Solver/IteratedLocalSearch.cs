using System.Diagnostics;

namespace Logistics.Routing.Solver;

/// <summary>One search thread: construct, then repeat ruin-and-recreate (on large instances now and then
/// a route exchange with the <see cref="Population"/> instead) + local search, accepting candidates by
/// simulated annealing on the penalised cost, while the penalty weights adapt so that about
/// <see cref="SearchParameters.TargetFeasible"/> of the local optima are feasible.</summary>
internal sealed class IteratedLocalSearch
{
    private readonly SearchData _data;
    private readonly SearchParameters _p;
    private readonly Rng _rng;
    private readonly CostEvaluator _costs;
    private readonly LocalSearch _localSearch;
    private readonly RuinRecreate _ruinRecreate;
    private readonly Population? _sharedPopulation;

    /// <param name="sharedPopulation">A pool the searches of other threads use too (<see cref="Population"/>'s
    /// <c>shared</c>); without it the search keeps a pool of its own where <see cref="UsesPopulation"/> says so.</param>
    public IteratedLocalSearch(SearchData data, SearchParameters parameters, long seed, Population? sharedPopulation = null)
    {
        _sharedPopulation = sharedPopulation;
        _data = data;
        _p = parameters;
        _rng = new Rng(seed);
        _costs = new CostEvaluator(data);
        var builder = new RouteBuilder(data);
        var insertion = new Insertion(data, builder, _costs);
        _localSearch = new LocalSearch(data, _costs, builder, insertion, _rng, parameters.UsesSwapStar(data));
        _ruinRecreate = new RuinRecreate(data, parameters, _costs, insertion, _rng);
    }

    /// <summary>Whether the search keeps a population and crosses over with it: from
    /// <see cref="SearchParameters.PopulationMinClients"/> clients on.</summary>
    public static bool UsesPopulation(SearchData data, SearchParameters parameters) =>
        parameters.Population && data.NumClients >= parameters.PopulationMinClients;

    /// <summary>Called with every new best feasible solution and its objective.</summary>
    public delegate void ImprovementHandler(SearchSolution best, Int128 cost, long routeCost);

    /// <summary>The best solution found, its objective, whether it is feasible, the iterations spent
    /// (those of sub-problems included) and where the time went.</summary>
    public sealed record Outcome(SearchSolution Best, Int128 Cost, bool Feasible, long Iterations, SearchProfile Profile);

    /// <param name="start">Routes to start from (type and client locations of this search's data)
    /// instead of a construction: a sub-problem starts from the routes it was cut from.</param>
    public Outcome Run(Stopwatch clock, TimeSpan limit, long? maxIterations, CancellationToken cancellation,
        ImprovementHandler onImprovement, Action<long> onIteration, IReadOnlyList<(int Type, int[] Clients)>? start = null)
    {
        bool OutOfTime() => clock.Elapsed >= limit || cancellation.IsCancellationRequested;
        long Stamp() => _localSearch.Stamp();
        var profile = new SearchProfile();
        var phase = Stopwatch.GetTimestamp();

        var current = new SearchSolution(_data);
        var best = new SearchSolution(_data);
        var constructionFeasible = false;
        if (start is null)
        {
            _ruinRecreate.Construct(current, Stamp);
            // The construction's plan is the first a dispatcher can have: on 3,000 stops the full local search after
            // it takes seconds. Kept as the best when feasible, so a search stopped during that local search returns it.
            if (current.IsFeasible(_costs))
            {
                best.CopyFrom(current);
                constructionFeasible = true;
                onImprovement(best, best.ObjectiveCost(_costs), best.RouteCost(_costs));
            }
        }
        else
            foreach (var (type, clients) in start)
            {
                var route = current.EmptyRoute(type) ?? throw new InvalidOperationException($"no vehicle of type {type} left for a start route");
                route.SetClients(clients);
                current.Refresh(route, _costs);
                route.LastModified = Stamp();
            }
        _localSearch.Run(current, full: true, OutOfTime);
        Repair(current, OutOfTime);

        var bestFeasible = current.IsFeasible(_costs);
        if (constructionFeasible && (!bestFeasible || best.ObjectiveCost(_costs) < current.ObjectiveCost(_costs)))
            bestFeasible = true; // the construction stays the best (the search goes on from the local search's result)
        else
            best.CopyFrom(current);
        var bestCost = bestFeasible ? best.ObjectiveCost(_costs) : Int128.MaxValue;
        var bestPenalised = current.PenalisedCost(_costs);
        if (bestFeasible) onImprovement(best, bestCost, best.RouteCost(_costs));
        profile.Add(SearchPhase.Construction, phase);

        // Temperatures scale with what routes cost per visit; prizes of stops left out (which may
        // be astronomically large, to rank tiers) must not inflate them into a random walk.
        var scale = Math.Max(1.0, (double)current.RouteCost(_costs) / Math.Max(1, current.VisitCount()));
        var startTemperature = _p.StartTemperature * scale;
        var endTemperature = _p.EndTemperature * scale;
        // Several workers: each decomposition step cuts the whole plan into one part per worker.
        var parallel = _p.DecompositionWorkers > 1;
        var decomposition = (_p.Decompose || parallel) && _data.NumClients >= _p.DecompositionMinClients ? new Decomposition(_data, _p, _costs, _rng) : null;
        var decompositionInterval = parallel ? _p.ParallelDecompositionInterval : _p.DecompositionInterval;
        long sinceDecomposition = 0;
        // A pool of good, different plans met so far; now and then a candidate is the current solution
        // with a few routes exchanged for a member's (HGS's population and crossover, around this search).
        var population = _sharedPopulation ?? (UsesPopulation(_data, _p) ? new Population(_data, _p) : null);
        var crossover = population is null ? null : new Crossover(_data, _p, _costs, _ruinRecreate, _rng);
        var donorCopy = population is { Shared: true } ? new SearchSolution(_data) : null;
        if (bestFeasible) population?.Add(best, bestCost);

        var elimination = _p.RouteElimination && _data.NumClients >= _p.RouteEliminationMinClients
            ? new RouteElimination(_data, _costs, _ruinRecreate, _rng) : null;
        long sinceImprovement = 0;
        var orderBeforeAttempt = elimination is null ? [] : new int[_localSearch.VisitOrder.Length];
        var candidate = new SearchSolution(_data);
        var focused = _data.FocusedSearch;
        // The load penalty starts at what a route step costs, high enough already; the time-warp
        // penalty starts at one route-step cost per longest travel time and must rise fast on large
        // instances (see PenaltyUpdateInterval).
        var timeWarpInterval = PenaltyUpdateInterval(_p, _data.NumClients);
        int loadFeasible = 0, timeFeasible = 0, loadSampled = 0, timeSampled = 0;
        long iteration = 0;
        while (!OutOfTime() && (maxIterations is null || iteration < maxIterations))
        {
            iteration++;
            // Stalled: try the best plan with one route fewer. A feasible result that beats the best becomes the
            // best and the current solution, and the attempt counts as the iteration. Any other result is dropped
            // with the random state it changed (the generator's and the local search's visiting order), so the
            // search goes on exactly as without the attempt (an ordinary iteration follows). On c2_10_1 every
            // feasible attempt (seeds 1-6) was 1.3-2.0% below the best; on r2_10_1 and rc1_10_1 every one was
            // 0.7-4.3% above it (their best-known plans use more routes than the fewest possible), and taking those
            // as the current solution had moved the search away from where it was converging.
            if (elimination is not null && bestFeasible && ++sinceImprovement > _p.RouteEliminationStall)
            {
                sinceImprovement = 0;
                phase = Stopwatch.GetTimestamp();
                var draws = _rng.State;
                _localSearch.VisitOrder.CopyTo(orderBeforeAttempt);
                var feasible = EliminateRoute(elimination, best, candidate, OutOfTime, focused, profile);
                if (feasible && candidate.ObjectiveCost(_costs) is var cost && cost < bestCost)
                {
                    (current, candidate) = (candidate, current);
                    best.CopyFrom(current);
                    bestCost = cost;
                    onImprovement(best, bestCost, best.RouteCost(_costs));
                    profile.EliminationsImproved++;
                    population?.Add(current, cost);
                    profile.Add(SearchPhase.Elimination, phase);
                    onIteration(iteration);
                    continue;
                }
                _rng.State = draws;
                orderBeforeAttempt.CopyTo(_localSearch.VisitOrder);
                profile.Add(SearchPhase.Elimination, phase);
            }
            phase = Stopwatch.GetTimestamp();
            candidate.CopyFrom(current);
            profile.Add(SearchPhase.Bookkeeping, phase);
            var crossed = false;
            if (population is { Count: > 0 } && _rng.NextDouble() < _p.CrossoverRate)
            {
                phase = Stopwatch.GetTimestamp();
                if (population.Select(_rng, current, donorCopy) is { } donor)
                {
                    crossover!.Apply(candidate, donor, Stamp);
                    crossed = true;
                    profile.Crossovers++;
                }
                profile.Add(SearchPhase.Crossover, phase);
            }
            if (!crossed) _ruinRecreate.Apply(candidate, Stamp, profile);
            phase = Stopwatch.GetTimestamp();
            _localSearch.Run(candidate, full: false, OutOfTime, focused);
            profile.Add(SearchPhase.LocalSearch, phase);

            phase = Stopwatch.GetTimestamp();
            var (loadOk, timeOk) = Feasibility(candidate);
            loadFeasible += loadOk ? 1 : 0;
            timeFeasible += timeOk ? 1 : 0;
            // Until a feasible solution exists, adapt the penalties five times as often.
            if (++loadSampled == (bestFeasible ? _p.PenaltyUpdateInterval : Math.Max(1, _p.PenaltyUpdateInterval / 5)))
            {
                _costs.LoadPenalty = Adapt(_costs.LoadPenalty, (double)loadFeasible / loadSampled);
                loadFeasible = loadSampled = 0;
            }
            if (++timeSampled == (bestFeasible ? timeWarpInterval : Math.Max(1, timeWarpInterval / 5)))
            {
                _costs.TimeWarpPenalty = Adapt(_costs.TimeWarpPenalty, (double)timeFeasible / timeSampled);
                timeFeasible = timeSampled = 0;
            }
            // Repairing costs a local search or more; only candidates that could beat the best
            // feasible solution are worth it.
            var repair = !(loadOk && timeOk) && (!bestFeasible || candidate.PenalisedCost(_costs).Minus(bestCost) < 0) && _rng.NextDouble() < 0.5;
            profile.Add(SearchPhase.Bookkeeping, phase);
            if (repair)
            {
                phase = Stopwatch.GetTimestamp();
                var evaluations = _localSearch.Evaluations;
                Repair(candidate, OutOfTime);
                profile.Repairs++;
                profile.RepairsFeasible += candidate.IsFeasible(_costs) ? 1 : 0;
                profile.RepairMoveEvaluations += _localSearch.Evaluations - evaluations;
                profile.Add(SearchPhase.Repair, phase);
            }

            phase = Stopwatch.GetTimestamp();
            var candidateCost = candidate.PenalisedCost(_costs);
            if (candidate.IsFeasible(_costs))
            {
                var cost = candidate.ObjectiveCost(_costs);
                if (cost < bestCost || !bestFeasible)
                {
                    best.CopyFrom(candidate);
                    (bestCost, bestFeasible) = (cost, true);
                    onImprovement(best, bestCost, best.RouteCost(_costs));
                    profile.CrossoversImproved += crossed ? 1 : 0;
                    sinceImprovement = 0;
                }
                if (population is not null)
                {
                    profile.Add(SearchPhase.Bookkeeping, phase);
                    phase = Stopwatch.GetTimestamp();
                    population.Add(candidate, cost);
                    profile.Add(SearchPhase.Crossover, phase);
                    phase = Stopwatch.GetTimestamp();
                }
            }
            else if (!bestFeasible && candidateCost.Minus(bestPenalised) < 0)
            {
                best.CopyFrom(candidate);
                bestPenalised = candidateCost;
            }

            // Annealing schedule on the share of the budget used: iterations when they bound the
            // run (so that a seeded run is reproducible), else time.
            var progress = maxIterations is { } max ? (double)iteration / max : clock.Elapsed / limit;
            var temperature = startTemperature * Math.Pow(endTemperature / startTemperature, Math.Min(1, progress));
            var threshold = -temperature * Math.Log(1 - _rng.NextDouble());
            if (candidateCost.Minus(current.PenalisedCost(_costs)) < threshold)
                (current, candidate) = (candidate, current);
            profile.Add(SearchPhase.Bookkeeping, phase);
            onIteration(iteration);

            // A large instance: now and then, a group of nearby routes of the best plan is searched
            // on its own (its iterations count towards the budget), and the search goes on from the
            // result when it is better. With several threads on a very large one, the whole best plan
            // is cut into one part per thread, searched at the same time.
            if (decomposition is not null && bestFeasible && ++sinceDecomposition >= decompositionInterval && !OutOfTime())
            {
                sinceDecomposition = 0;
                phase = Stopwatch.GetTimestamp();
                long budget = parallel ? _p.ParallelSubproblemIterations : _p.SubproblemIterations;
                // The parts' iterations count towards the budget together.
                if (maxIterations is { } cap) budget = Math.Min(budget, (cap - iteration) / _p.DecompositionWorkers);
                var temperatureShare = _p.StartTemperature * Math.Pow(_p.EndTemperature / _p.StartTemperature, Math.Min(1, progress));
                var (improved, used) = parallel
                    ? decomposition.ImproveInParallel(best, _p.DecompositionWorkers, budget, temperatureShare, Stamp, clock, limit, cancellation)
                    : decomposition.Improve(best, budget, temperatureShare, Stamp, clock, limit, cancellation);
                iteration += used;
                profile.Subproblems += used > 0 ? 1 : 0;
                if (improved)
                {
                    profile.SubproblemsImproved++;
                    sinceImprovement = 0;
                    bestCost = best.ObjectiveCost(_costs);
                    onImprovement(best, bestCost, best.RouteCost(_costs));
                    current.CopyFrom(best);
                    population?.Add(best, bestCost);
                }
                profile.Add(SearchPhase.Decomposition, phase);
                if (used > 0) onIteration(iteration);
            }
        }
        if (!bestFeasible) bestCost = best.ObjectiveCost(_costs);
        profile.MoveEvaluations += _localSearch.Evaluations;
        return new Outcome(best, bestCost, bestFeasible, iteration, profile);
    }

    /// <summary>The best plan with one route fewer, if one of its smaller routes can be emptied (<see cref="RouteElimination"/>)
    /// and a local search and repair with the fleet closed make the result feasible.</summary>
    /// <returns>Whether <paramref name="target"/> (overwritten) now holds such a plan; false without an attempt when the
    /// loads leave no route to spare.</returns>
    private bool EliminateRoute(RouteElimination elimination, SearchSolution best, SearchSolution target,
        Func<bool> outOfTime, bool focused, SearchProfile profile)
    {
        target.CopyFrom(best);
        if (!elimination.Apply(target, _localSearch.Stamp)) return false;
        profile.Eliminations++;
        _localSearch.Run(target, full: false, outOfTime, focused);
        Repair(target, outOfTime);
        target.FleetClosed = false;
        var feasible = target.IsFeasible(_costs);
        profile.EliminationsFeasible += feasible ? 1 : 0;
        return feasible;
    }

    /// <summary>Candidates between two updates of the time-warp penalty on an instance of <paramref name="clients"/> clients.</summary>
    internal static int PenaltyUpdateInterval(SearchParameters p, int clients) =>
        Math.Clamp((int)((long)p.PenaltyUpdateInterval * p.PenaltyUpdateReferenceClients / Math.Max(1, clients)),
            Math.Min(p.MinPenaltyUpdateInterval, p.PenaltyUpdateInterval), p.PenaltyUpdateInterval);

    private double Adapt(double penalty, double feasibleShare) =>
        Math.Clamp(feasibleShare < _p.TargetFeasible - 0.05 ? penalty * _p.PenaltyIncrease
            : feasibleShare > _p.TargetFeasible + 0.05 ? penalty * _p.PenaltyDecrease : penalty, 1e-3, 1e12);

    private (bool Load, bool Time) Feasibility(SearchSolution s)
    {
        bool load = true, time = true;
        foreach (var r in s.Routes)
        {
            if (r.IsEmpty) continue;
            load &= _costs.ExcessLoad(r.Type, r.Load) == 0;
            time &= _costs.TimeWarp(r) == 0;
        }
        return (load, time);
    }

    /// <summary>Local search with much heavier penalties, to pull an infeasible local optimum back
    /// into feasible space (Vidal 2022, section 3).</summary>
    private void Repair(SearchSolution s, Func<bool> shouldStop)
    {
        if (s.IsFeasible(_costs)) return;
        var (load, time) = (_costs.LoadPenalty, _costs.TimeWarpPenalty);
        for (var attempt = 0; attempt < 3 && !s.IsFeasible(_costs) && !shouldStop(); attempt++)
        {
            _costs.LoadPenalty *= _p.RepairPenaltyFactor;
            _costs.TimeWarpPenalty *= _p.RepairPenaltyFactor;
            // Only moves that touch an infeasible route can gain from the heavier penalties: mark
            // those routes as changed and let the search skip every pair it already tested.
            foreach (var route in s.Routes)
                if (!route.IsEmpty && (_costs.TimeWarp(route) > 0 || _costs.ExcessLoad(route.Type, route.Load) > 0))
                    route.LastModified = _localSearch.Stamp();
            _localSearch.Run(s, full: false, shouldStop);
        }
        (_costs.LoadPenalty, _costs.TimeWarpPenalty) = (load, time);
        s.RepriceAll(_costs);
    }
}
