using BenchmarkDotNet.Attributes;
using Logistics.Routing.Solver;
using Logistics.Routing.Solver.Operators;

namespace Logistics.Benchmarks;

/// <summary>The innermost cost of the search: evaluating one move on cached segments. Each
/// benchmark evaluates the operator for every client and each of its granular neighbours on a
/// locally optimal 200-client solution; divide by <see cref="Pairs"/> for the cost of one move.</summary>
[MemoryDiagnoser]
public class MoveEvaluationBenchmark
{
    private SearchFixture _fixture = null!;
    private SearchSolution _solution = null!;
    private readonly Move _move = new();

    public int Pairs { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new SearchFixture();
        _solution = _fixture.Solution(improved: true);
        Pairs = _fixture.Data.Neighbours.Sum(n => n.Length);
    }

    private double EvaluateAll(MoveOperator op)
    {
        var s = _solution;
        var total = 0.0;
        for (var u = _fixture.Data.NumDepots; u < _fixture.Data.N; u++)
            foreach (var v in _fixture.Data.Neighbours[u])
                if (op.Build(s.Routes[s.RouteOf[u]], s.PosOf[u], s.Routes[s.RouteOf[v]], s.PosOf[v], _move))
                    total += _fixture.LocalSearch.Delta(_move);
        return total;
    }

    [Benchmark] public double Relocate() => EvaluateAll(new Relocate());
    [Benchmark] public double Swap() => EvaluateAll(new Swap());
    [Benchmark] public double TwoOptStar() => EvaluateAll(new TwoOptStar());
    [Benchmark] public double TwoOpt() => EvaluateAll(new TwoOpt());
}
