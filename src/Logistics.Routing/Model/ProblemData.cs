namespace Logistics.Routing.Model;

/// <summary>A routing problem in the solver's integer units, validated on construction.
/// Locations are numbered depots first (0 … depots−1), then clients (depots … depots+clients−1);
/// both matrices are indexed by location. All values are integers so that costs add up exactly
/// (e.g. DIMACS tenths for Solomon instances, metres and seconds for a dispatcher's day).</summary>
public sealed class ProblemData
{
    public ProblemData(IReadOnlyList<Depot> depots, IReadOnlyList<Client> clients, IReadOnlyList<VehicleType> vehicleTypes,
        Matrix distance, Matrix duration, IReadOnlyList<ClientGroup>? groups = null)
    {
        if (depots.Count == 0) throw new ArgumentException("a problem needs at least one depot", nameof(depots));
        if (vehicleTypes.Count == 0) throw new ArgumentException("a problem needs at least one vehicle type", nameof(vehicleTypes));
        Depots = depots;
        Clients = clients;
        VehicleTypes = vehicleTypes;
        Distance = distance;
        Duration = duration;
        Dimensions = vehicleTypes[0].Capacity.Length;
        var locations = depots.Count + clients.Count;
        if (distance.Size != locations || duration.Size != locations)
            throw new ArgumentException($"matrices must be {locations}x{locations} (depots + clients), got {distance.Size} and {duration.Size}");
        foreach (var v in vehicleTypes)
        {
            if (v.Capacity.Length != Dimensions)
                throw new ArgumentException($"vehicle type '{v.Id}' has {v.Capacity.Length} capacity dimensions, expected {Dimensions}");
            if (v.StartDepot < 0 || v.StartDepot >= depots.Count || v.EndDepot < 0 || v.EndDepot >= depots.Count)
                throw new ArgumentException($"vehicle type '{v.Id}' refers to a depot that does not exist");
            if (v.Count < 0) throw new ArgumentException($"vehicle type '{v.Id}' has a negative count");
        }
        foreach (var c in clients)
        {
            if (c.Demand.Length != Dimensions)
                throw new ArgumentException($"client '{c.Id}' has {c.Demand.Length} demand dimensions, expected {Dimensions}");
            if (c.WindowEnd < c.WindowStart)
                throw new ArgumentException($"client '{c.Id}' has a window ending ({c.WindowEnd}) before it starts ({c.WindowStart})");
            if (c.LatenessWeight < 0 || c.ArrivalWeight < 0)
                throw new ArgumentException($"client '{c.Id}' has a negative lateness or arrival weight");
            if (c.LatenessWeight > 0 && (c.SoftWindowEnd < c.WindowStart || c.SoftWindowEnd > c.WindowEnd))
                throw new ArgumentException($"client '{c.Id}' has a soft window end ({c.SoftWindowEnd}) outside its window ({c.WindowStart}-{c.WindowEnd})");
        }
        Groups = groups ?? [];
        var inGroup = new bool[clients.Count];
        foreach (var g in Groups)
        {
            if (g.Clients.Count == 0) throw new ArgumentException("a client group needs at least one client");
            foreach (var c in g.Clients)
            {
                if (c < 0 || c >= clients.Count) throw new ArgumentException($"a client group refers to client {c}, which does not exist");
                if (inGroup[c]) throw new ArgumentException($"client '{clients[c].Id}' is in more than one group");
                inGroup[c] = true;
                if (clients[c].Required)
                    throw new ArgumentException($"client '{clients[c].Id}' is in a group and must be optional; make the group required instead");
                if (clients[c].Prize != clients[g.Clients[0]].Prize)
                    throw new ArgumentException($"the members of a group must have the same prize ('{clients[c].Id}' differs from '{clients[g.Clients[0]].Id}')");
            }
        }
    }

    public IReadOnlyList<Depot> Depots { get; }
    public IReadOnlyList<Client> Clients { get; }
    public IReadOnlyList<VehicleType> VehicleTypes { get; }
    public Matrix Distance { get; }
    public Matrix Duration { get; }

    /// <summary>Sets of alternative clients, at most one of each visited.</summary>
    public IReadOnlyList<ClientGroup> Groups { get; }
    public int Dimensions { get; }

    public int NumDepots => Depots.Count;
    public int NumClients => Clients.Count;
    public int NumLocations => Depots.Count + Clients.Count;
    public int NumVehicles => VehicleTypes.Sum(v => v.Count);

    /// <summary>The location index of client <paramref name="client"/> (0-based among clients).</summary>
    public int LocationOf(int client) => NumDepots + client;
}
