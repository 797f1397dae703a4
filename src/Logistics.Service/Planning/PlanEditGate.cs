namespace Logistics.Service.Planning;

/// <summary>Lets one edit or publication of a plan run at a time: a move reads, changes and writes the whole
/// plan, so two at once would lose one of them. One gate for all plans: edits are quick and rare.</summary>
public sealed class PlanEditGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> edit, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try { return await edit(); }
        finally { _gate.Release(); }
    }
}
