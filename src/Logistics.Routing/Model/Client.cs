namespace Logistics.Routing.Model;

/// <summary>A delivery to one location, in the solver's integer units.</summary>
/// <param name="Id">Caller's identifier, carried through to the solution.</param>
/// <param name="X">Planar or projected coordinate, used only to shape the search.</param>
/// <param name="Demand">Load per capacity dimension (e.g. cartons, kilograms); length = the problem's dimensions.</param>
/// <param name="ServiceDuration">Time spent at the location.</param>
/// <param name="WindowStart">Earliest start of service; arriving earlier means waiting.</param>
/// <param name="WindowEnd">Latest start of service (hard).</param>
/// <param name="Required">A required client must be visited; an optional one may be left out at the cost of <paramref name="Prize"/>.</param>
/// <param name="Prize">What leaving an optional client out costs, in objective units. 128 bits wide
/// because lexicographic priorities multiply (see Planning.PrizeScheme); route costs stay in a long.</param>
/// <param name="SoftWindowEnd">When <paramref name="LatenessWeight"/> is set: service should start
/// by then, and each time unit later costs LatenessWeight (a soft window whose hard limit stays
/// <paramref name="WindowEnd"/>).</param>
/// <param name="ArrivalWeight">Cost per time unit that service starts after <paramref name="WindowStart"/>:
/// a preference for early service (e.g. by retailer tier), traded against route cost.</param>
public sealed record Client(
    string Id,
    double X,
    double Y,
    long[] Demand,
    long ServiceDuration = 0,
    long WindowStart = 0,
    long WindowEnd = long.MaxValue / 4,
    bool Required = true,
    Int128 Prize = default,
    long ArrivalWeight = 0,
    long SoftWindowEnd = long.MaxValue / 4,
    long LatenessWeight = 0);
