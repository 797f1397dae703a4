namespace Logistics.Routing.Solver.Operators;

/// <summary>A local-search neighbourhood: for client U at position <c>i</c> of route <c>ru</c> and a
/// neighbour V at position <c>j</c> of route <c>rv</c> (<c>j</c> = 0: right after the start depot),
/// describe the routes the move would make, or say that it does not apply. Evaluating and applying
/// are generic (<see cref="RouteBuilder"/>), so an operator is only its rebuild rule.</summary>
internal abstract class MoveOperator
{
    /// <summary>Whether V may be the start depot (<c>j</c> = 0) for this operator.</summary>
    public virtual bool AcceptsDepotAsV => false;

    public abstract bool Build(SearchRoute ru, int i, SearchRoute rv, int j, Move move);
}
