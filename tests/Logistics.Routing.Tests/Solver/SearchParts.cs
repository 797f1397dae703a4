using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

/// <summary>The search objects of one problem, wired as <see cref="IteratedLocalSearch"/> wires them, for tests of
/// the search's parts (construction, crossover, route elimination) on their own.</summary>
internal sealed class SearchParts
{
    public SearchParts(ProblemData problem, SearchParameters parameters, long seed)
    {
        Data = new SearchData(problem, parameters);
        Costs = new CostEvaluator(Data);
        var builder = new RouteBuilder(Data);
        var insertion = new Insertion(Data, builder, Costs);
        Rng = new Rng(seed);
        LocalSearch = new LocalSearch(Data, Costs, builder, insertion, Rng);
        RuinRecreate = new RuinRecreate(Data, parameters, Costs, insertion, Rng);
        Crossover = new Crossover(Data, parameters, Costs, RuinRecreate, Rng);
    }

    public SearchData Data { get; }
    public CostEvaluator Costs { get; }
    public Rng Rng { get; }
    public LocalSearch LocalSearch { get; }
    public RuinRecreate RuinRecreate { get; }
    public Crossover Crossover { get; }

    /// <summary>A solution as the construction leaves it.</summary>
    public SearchSolution Constructed()
    {
        var s = new SearchSolution(Data);
        RuinRecreate.Construct(s, LocalSearch.Stamp);
        return s;
    }

    /// <summary>A constructed solution improved by local search, then perturbed <paramref name="kicks"/>
    /// times by ruin and recreate and local search, so that two of them differ.</summary>
    public SearchSolution LocalOptimum(int kicks)
    {
        var s = Constructed();
        LocalSearch.Run(s, full: true, () => false);
        for (var k = 0; k < kicks; k++)
        {
            RuinRecreate.Apply(s, LocalSearch.Stamp);
            LocalSearch.Run(s, full: false, () => false);
        }
        s.RepriceAll(Costs);
        return s;
    }
}
