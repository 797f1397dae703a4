using BenchmarkDotNet.Attributes;
using Logistics.Routing.Solver;

namespace Logistics.Benchmarks;

/// <summary>One full local search from a freshly constructed 200-client solution to a local
/// optimum, and one iteration of the main loop (copy, ruin and recreate, local search).</summary>
[MemoryDiagnoser]
public class LocalSearchBenchmark
{
    private SearchFixture _fixture = null!;
    private SearchSolution _constructed = null!;
    private SearchSolution _optimum = null!;
    private SearchSolution _work = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new SearchFixture();
        _constructed = _fixture.Solution(improved: false);
        _optimum = _fixture.Solution(improved: true);
        _work = new SearchSolution(_fixture.Data);
    }

    [Benchmark]
    public int FullLocalSearch()
    {
        _work.CopyFrom(_constructed);
        _fixture.LocalSearch.Run(_work, full: true, () => false);
        return _work.UsedRoutes();
    }

    [Benchmark]
    public int RuinRecreateAndLocalSearch()
    {
        _work.CopyFrom(_optimum);
        _fixture.RuinRecreate.Apply(_work, _fixture.LocalSearch.Stamp);
        _fixture.LocalSearch.Run(_work, full: false, () => false);
        return _work.UsedRoutes();
    }
}
