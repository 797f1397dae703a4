using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Benchmarks;

/// <summary>A seeded 200-client instance with time windows (Solomon R1-like density) and the
/// search objects built on it, shared by the solver benchmarks.</summary>
internal sealed class SearchFixture
{
    public SearchFixture(int clients = 200, int seed = 42)
    {
        var rng = new Random(seed);
        var points = Enumerable.Range(0, clients + 1).Select(_ => (X: rng.Next(100), Y: rng.Next(100))).ToArray();
        var matrix = Matrix.Build(points.Length, (i, j) =>
            (long)(10 * Math.Sqrt(Math.Pow(points[i].X - points[j].X, 2) + Math.Pow(points[i].Y - points[j].Y, 2))));
        var list = Enumerable.Range(1, clients).Select(c =>
        {
            var start = rng.Next(0, 1800);
            return new Client($"c{c}", points[c].X, points[c].Y, [rng.Next(1, 30)], 100, start, start + rng.Next(100, 600));
        }).ToList();
        Problem = new ProblemData([new Depot("depot", 50, 50, 0, 2300)], list,
            [new VehicleType("van", 50, [200], ShiftStart: 0, ShiftEnd: 2300)], matrix, matrix);
        Parameters = new SearchParameters();
        Data = new SearchData(Problem, Parameters);
        Costs = new CostEvaluator(Data);
        Builder = new RouteBuilder(Data);
        Rng = new Rng(seed);
        Insertion = new Insertion(Data, Builder, Costs);
        LocalSearch = new LocalSearch(Data, Costs, Builder, Insertion, Rng);
        RuinRecreate = new RuinRecreate(Data, Parameters, Costs, Insertion, Rng);
    }

    public ProblemData Problem { get; }
    public SearchParameters Parameters { get; }
    public SearchData Data { get; }
    public CostEvaluator Costs { get; }
    public RouteBuilder Builder { get; }
    public Rng Rng { get; }
    public Insertion Insertion { get; }
    public LocalSearch LocalSearch { get; }
    public RuinRecreate RuinRecreate { get; }

    /// <summary>A constructed solution, optionally improved by local search.</summary>
    public SearchSolution Solution(bool improved)
    {
        var s = new SearchSolution(Data);
        RuinRecreate.Construct(s, LocalSearch.Stamp);
        if (improved) LocalSearch.Run(s, full: true, () => false);
        s.RepriceAll(Costs);
        return s;
    }
}
