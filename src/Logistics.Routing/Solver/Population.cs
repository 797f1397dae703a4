namespace Logistics.Routing.Solver;

/// <summary>A small pool of good, different feasible solutions met by the search, from which the
/// crossover draws its donors (<see cref="Crossover"/>). Managed as in HGS (Vidal et al. 2012; Vidal
/// 2022): a member's biased fitness is its rank by cost plus, weighted, its rank by diversity (average
/// broken-pairs distance to its <see cref="SearchParameters.PopulationClose"/> closest members); when
/// the pool is over <see cref="SearchParameters.PopulationSize"/>, the member of the worst biased
/// fitness leaves, and a solution with the same arcs as a member (a clone) is never kept twice.
/// <paramref name="shared"/>: the searches of several threads offer to and draw from the one pool (each gets a copy of
/// its donor), so that a thread's crossover can take routes from another thread's best plans.</summary>
internal sealed class Population(SearchData data, SearchParameters parameters, bool shared = false)
{
    /// <summary>A member: a copy of the solution, its objective, and each location's neighbours on its
    /// route (<see cref="Depot"/> for a route's end, <see cref="Unvisited"/> for a client left out).</summary>
    private sealed class Member(SearchData data)
    {
        public SearchSolution Solution { get; } = new(data);
        public Int128 Cost { get; set; }
        public int[] Pred { get; } = new int[data.N];
        public int[] Succ { get; } = new int[data.N];
        public Dictionary<Member, double> Distances { get; } = [];
        public double Fitness { get; set; }
    }

    private const int Depot = -1;
    private const int Unvisited = -2;
    private readonly List<Member> _members = [];
    private readonly Member _probe = new(data);
    private readonly Lock _gate = new();
    private Member? _spare;

    /// <summary>Whether the searches of several threads use this pool (a donor is then handed out as a copy).</summary>
    public bool Shared => shared;

    public int Count
    {
        get
        {
            lock (_gate) return _members.Count;
        }
    }

    /// <summary>Offers a feasible solution of objective <paramref name="cost"/>; returns whether the pool keeps it.</summary>
    public bool Add(SearchSolution s, Int128 cost)
    {
        lock (_gate) return AddLocked(s, cost);
    }

    private bool AddLocked(SearchSolution s, Int128 cost)
    {
        var member = _spare ?? new Member(data);
        _spare = null;
        Snapshot(s, member);
        foreach (var other in _members)
        {
            if (Distance(member, other) > 0) continue;
            // A clone (the same arcs; the cost can still differ, e.g. a route run in the other direction): one copy, the cheaper.
            _spare = member;
            if (cost >= other.Cost) return false;
            Copy(s, other.Solution);
            other.Cost = cost;
            return true;
        }
        Copy(s, member.Solution);
        member.Cost = cost;
        foreach (var other in _members)
        {
            var d = Distance(member, other);
            member.Distances[other] = d;
            other.Distances[member] = d;
        }
        _members.Add(member);
        if (_members.Count <= parameters.PopulationSize) return true;

        UpdateFitness();
        var worst = _members[0];
        foreach (var m in _members)
            if (m.Fitness > worst.Fitness) worst = m;
        _members.Remove(worst);
        foreach (var m in _members) m.Distances.Remove(worst);
        worst.Distances.Clear();
        _spare = worst;
        return worst != member;
    }

    /// <summary>A donor for a crossover with <paramref name="current"/>: the better by biased fitness of
    /// two members drawn at random (binary tournament), or the other when it has the same arcs as
    /// <paramref name="current"/>; null when both have (nothing to learn from). A shared pool copies the donor
    /// into <paramref name="copy"/> (another thread may replace the member while the caller reads it).</summary>
    public SearchSolution? Select(Rng rng, SearchSolution current, SearchSolution? copy)
    {
        lock (_gate)
        {
            if (_members.Count == 0) return null;
            UpdateFitness();
            var a = _members[rng.Next(_members.Count)];
            var b = _members[rng.Next(_members.Count)];
            if (b.Fitness < a.Fitness) (a, b) = (b, a);
            Snapshot(current, _probe);
            var donor = Distance(a, _probe) > 0 ? a.Solution : Distance(b, _probe) > 0 ? b.Solution : null;
            if (donor is null || !shared) return donor;
            ArgumentNullException.ThrowIfNull(copy);
            copy.CopyFromAnySearch(donor);
            return copy;
        }
    }

    /// <summary>Copies a solution into a member: within one search its route stamps say which routes changed; the
    /// searches sharing a pool each count their own.</summary>
    private void Copy(SearchSolution from, SearchSolution to)
    {
        if (shared) to.CopyFromAnySearch(from);
        else to.CopyFrom(from);
    }

    /// <summary>Broken-pairs distance of two solutions (Prins 2009, as in HGS): the share of clients
    /// whose successor in the first is neither neighbour in the second, plus those that start a route
    /// in the first and touch no depot in the second. 0 for the same routes (in either direction).</summary>
    public double Distance(SearchSolution a, SearchSolution b)
    {
        var (x, y) = (new Member(data), new Member(data));
        Snapshot(a, x);
        Snapshot(b, y);
        return Distance(x, y);
    }

    private double Distance(Member a, Member b)
    {
        var broken = 0;
        for (var c = data.NumDepots; c < data.N; c++)
        {
            if (a.Succ[c] != b.Succ[c] && a.Succ[c] != b.Pred[c]) broken++;
            if (a.Pred[c] == Depot && b.Pred[c] != Depot && b.Succ[c] != Depot) broken++;
        }
        return (double)broken / Math.Max(1, data.NumClients);
    }

    private void Snapshot(SearchSolution s, Member m)
    {
        Array.Fill(m.Pred, Unvisited);
        Array.Fill(m.Succ, Unvisited);
        foreach (var route in s.Routes)
        {
            var clients = route.Clients;
            for (var p = 0; p < clients.Length; p++)
            {
                m.Pred[clients[p]] = p == 0 ? Depot : clients[p - 1];
                m.Succ[clients[p]] = p == clients.Length - 1 ? Depot : clients[p + 1];
            }
        }
    }

    /// <summary>Biased fitness (Vidal et al. 2012): rank by cost + (1 − elite / size) · rank by diversity,
    /// both ranks scaled to [0, 1]; lower is better. Ties keep the order of arrival.</summary>
    private void UpdateFitness()
    {
        var count = _members.Count;
        if (count == 1)
        {
            _members[0].Fitness = 0;
            return;
        }
        var byCost = Enumerable.Range(0, count).OrderBy(i => _members[i].Cost).ToArray();
        var diversity = new double[count];
        for (var i = 0; i < count; i++)
        {
            var closest = _members[i].Distances.Values.Order().Take(parameters.PopulationClose).ToArray();
            diversity[i] = closest.Length == 0 ? 0 : closest.Average();
        }
        var byDiversity = Enumerable.Range(0, count).OrderByDescending(i => diversity[i]).ToArray();
        var weight = count <= parameters.PopulationElite ? 0 : 1 - (double)parameters.PopulationElite / count;
        for (var rank = 0; rank < count; rank++)
            _members[byCost[rank]].Fitness = (double)rank / (count - 1);
        for (var rank = 0; rank < count; rank++)
            _members[byDiversity[rank]].Fitness += weight * rank / (count - 1);
    }
}
