using System.Diagnostics;

namespace Logistics.Routing.Solver;

/// <summary>Where one search spent its time, by phase (Stopwatch timestamps around each phase of
/// every iteration; a few tens of nanoseconds against iterations of milliseconds, so always on).
/// Wall-clock shares: on a loaded machine they shift less than the totals do.</summary>
public sealed class SearchProfile
{
    private readonly long[] _ticks = new long[Enum.GetValues<SearchPhase>().Length];

    /// <summary>Time spent in <paramref name="phase"/>.</summary>
    public TimeSpan this[SearchPhase phase] => Stopwatch.GetElapsedTime(0, _ticks[(int)phase]);

    public TimeSpan Total => Stopwatch.GetElapsedTime(0, _ticks.Sum());

    /// <summary>Sub-problems searched by decomposition, and how many of them were put back because they were better.</summary>
    public int Subproblems { get; internal set; }
    public int SubproblemsImproved { get; internal set; }

    /// <summary>Candidates built by crossover, and how many of them became the best plan.</summary>
    public int Crossovers { get; internal set; }
    public int CrossoversImproved { get; internal set; }

    /// <summary>Attempts to do with one route fewer (<see cref="RouteElimination"/>), how many of them ended feasible,
    /// and how many of those beat the best plan (the only ones kept).</summary>
    public int Eliminations { get; internal set; }
    public int EliminationsFeasible { get; internal set; }
    public int EliminationsImproved { get; internal set; }

    /// <summary>Infeasible candidates repaired, and how many of them the repair made feasible.</summary>
    public int Repairs { get; internal set; }
    public int RepairsFeasible { get; internal set; }

    /// <summary>Moves priced by the local search, and how many of them while repairing: work
    /// counted the same on any machine, unlike the times.</summary>
    public long MoveEvaluations { get; internal set; }
    public long RepairMoveEvaluations { get; internal set; }

    internal void Add(SearchPhase phase, long startTimestamp) => _ticks[(int)phase] += Stopwatch.GetTimestamp() - startTimestamp;

    internal void Add(SearchProfile other)
    {
        for (var i = 0; i < _ticks.Length; i++) _ticks[i] += other._ticks[i];
        Subproblems += other.Subproblems;
        SubproblemsImproved += other.SubproblemsImproved;
        Crossovers += other.Crossovers;
        CrossoversImproved += other.CrossoversImproved;
        Eliminations += other.Eliminations;
        EliminationsFeasible += other.EliminationsFeasible;
        EliminationsImproved += other.EliminationsImproved;
        Repairs += other.Repairs;
        RepairsFeasible += other.RepairsFeasible;
        MoveEvaluations += other.MoveEvaluations;
        RepairMoveEvaluations += other.RepairMoveEvaluations;
    }

    /// <summary>Share of <see cref="Total"/> spent in <paramref name="phase"/> (0 when nothing was timed).</summary>
    public double Share(SearchPhase phase) => _ticks.Sum() is var total and > 0 ? (double)_ticks[(int)phase] / total : 0;
}

/// <summary>The phases <see cref="SearchProfile"/> tells apart.</summary>
public enum SearchPhase
{
    /// <summary>The first solution: greedy construction, its local search and repair.</summary>
    Construction,
    /// <summary>Removing strings of clients (SISR's ruin).</summary>
    Ruin,
    /// <summary>Greedy reinsertion with blinks.</summary>
    Recreate,
    /// <summary>The granular local search after each ruin-and-recreate.</summary>
    LocalSearch,
    /// <summary>Local search under heavier penalties to make an infeasible candidate feasible.</summary>
    Repair,
    /// <summary>Copying solutions, feasibility and cost checks, penalty updates, acceptance.</summary>
    Bookkeeping,
    /// <summary>Route exchange with a member of the population, reinsertion included, and the population's upkeep.</summary>
    Crossover,
    /// <summary>Sub-problems of nearby routes solved apart (<see cref="SearchParameters"/>' decomposition), everything included.</summary>
    Decomposition,
    /// <summary>Attempts to empty a route of the best plan (<see cref="RouteElimination"/>), local search and repair included.</summary>
    Elimination,
}
