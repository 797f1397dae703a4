using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener.Partitions;

/// <summary>Decides which partitions this instance runs. Without leases (the SQLite default: one instance) it runs every
/// partition from start to stop, which with one partition is the listener as before partitions. With leases (PostgreSQL)
/// every third of the lease it says it is alive, renews the leases it holds (a partition another instance took over, or
/// whose lease it could not renew in time, is stopped at once), gives up partitions beyond its share (the partitions
/// divided by the instances alive, rounded up; one a round, handed over after up to <see cref="HandoverDrain"/> of draining), and
/// claims free ones up to its share: a dead instance's partitions once their leases expired. A partition taken over
/// connects with the same client id, so the broker hands it the session and the readings queued for it.</summary>
public sealed class PartitionOwner(
    ListenerPartitionFactory factory,
    ListenerPartitions partitions,
    ListenerOptions options,
    TimeProvider clock,
    ILogger<PartitionOwner> logger,
    IPartitionLeases? leases = null) : BackgroundService
{
    /// <summary>How long a partition given up (to another instance, or as the service stops) may take to store and
    /// evaluate what its journal holds before it is handed over anyway (the rest is stored from this instance's journal
    /// afterwards), at most: a quarter of the lease if that is shorter.</summary>
    public static readonly TimeSpan HandoverDrain = TimeSpan.FromSeconds(5);

    private TimeSpan Drain => leases is null || leases.Lease / 4 > HandoverDrain ? HandoverDrain : leases.Lease / 4;

    private readonly Dictionary<int, DateTimeOffset> _renewed = [];
    private readonly Dictionary<int, (Task Done, CancellationTokenSource Stop)> _leftovers = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Listener:Enabled=false: this instance serves the API and runs jobs; others listen.
        if (!options.Enabled) return;
        if (leases is null)
        {
            for (var i = 0; i < factory.Count; i++) await StartAsync(i, stoppingToken);
            return;
        }
        logger.LogInformation("Listener: {Count} partition(s) shared through leases of {Seconds} s as instance {Instance}",
            factory.Count, leases.Lease.TotalSeconds, leases.Instance);
        for (var i = 0; i < factory.Count; i++) StoreLeftovers(i, stoppingToken);
        using var timer = new PeriodicTimer(leases.Lease / 3, clock);
        try
        {
            var ensured = false;
            do
            {
                try
                {
                    if (!ensured)
                    {
                        // The first round only says this instance is alive: instances started together then see each
                        // other before claiming, instead of the first one claiming everything and handing half over.
                        await leases.EnsurePartitionsAsync(clock.GetUtcNow(), stoppingToken);
                        await leases.HeartbeatAsync(clock.GetUtcNow(), stoppingToken);
                        ensured = true;
                        continue;
                    }
                    await BalanceAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Listener partitions: the shared database failed; trying again in {Seconds:0.#} s", (leases.Lease / 3).TotalSeconds);
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var index in _leftovers.Keys.ToList()) await StopLeftoversAsync(index);
        foreach (var partition in partitions.Running)
            await StopAsync(partition, leases is null ? TimeSpan.Zero : Drain, release: true, cancellationToken);
        if (leases is not null)
        {
            try { await leases.LeaveAsync(cancellationToken); }
            catch (Exception e) { logger.LogWarning(e, "Listener partitions: could not say this instance is leaving; the others count it until its lease ends"); }
        }
    }

    private async Task BalanceAsync(CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow();
        var alive = await leases!.HeartbeatAsync(now, stoppingToken);
        var share = (factory.Count + alive - 1) / alive;
        foreach (var partition in partitions.Running)
        {
            bool owned;
            try
            {
                owned = await leases.RenewAsync(partition.Index, now, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                if (now - _renewed[partition.Index] < leases.Lease)
                {
                    logger.LogWarning(e, "Partition {Partition}: renewing its lease failed; trying again", partition.Index);
                    continue;
                }
                logger.LogError(e, "Partition {Partition}: its lease could not be renewed for {Seconds} s; stopping it here (another instance may hold it now)",
                    partition.Index, leases.Lease.TotalSeconds);
                owned = false;
            }
            if (owned)
            {
                _renewed[partition.Index] = now;
                continue;
            }
            logger.LogWarning("Partition {Partition}: another instance holds it now (this one's lease had expired); stopping it here", partition.Index);
            await StopAsync(partition, TimeSpan.Zero, release: false, stoppingToken);
            StoreLeftovers(partition.Index, stoppingToken);
        }
        // One partition handed over per round, and its drain shorter than a third of the lease: the next round's
        // heartbeat and renewals then come within the lease (a longer wait here let the other instances count this
        // one dead and take its other partitions over).
        if (partitions.Running.Skip(share).LastOrDefault() is { } extra)
        {
            logger.LogInformation("Partition {Partition}: handed over ({Alive} instances alive, {Share} partitions each at most)", extra.Index, alive, share);
            await StopAsync(extra, Drain, release: true, stoppingToken);
            StoreLeftovers(extra.Index, stoppingToken);
        }
        for (var count = partitions.Running.Count; count < share; count++)
        {
            if (await leases.ClaimAsync(clock.GetUtcNow(), stoppingToken) is not { } claim) break;
            if (claim.TakenOverFrom is { } from)
                logger.LogWarning("Partition {Partition} taken over from {Instance}; connecting with its client id to take the session and its queued readings",
                    claim.Partition, from);
            else
                logger.LogInformation("Partition {Partition} claimed", claim.Partition);
            _renewed[claim.Partition] = clock.GetUtcNow();
            if (!await StartAsync(claim.Partition, stoppingToken)) await ReleaseAsync(claim.Partition, stoppingToken);
        }
    }

    /// <summary>Readings this instance acknowledged into a partition's journal before it died or gave the partition up,
    /// which another instance holds now: stored to InfluxDB (not evaluated for alerts: the partition's owner has moved on) while this instance
    /// does not run the partition, from the journal's checkpoint to its end; then the journal is closed.</summary>
    private void StoreLeftovers(int index, CancellationToken stoppingToken)
    {
        (Journal.MessageJournal Journal, InfluxWriter Writer) leftover;
        try
        {
            if (factory.CreateStorageOnly(index) is not { } found) return;
            leftover = found;
        }
        catch (Exception e) when (e is Journal.JournalException or IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Partition {Partition}: the journal left in {Directory} cannot be opened", index, options.PartitionJournalDirectory(index));
            return;
        }
        var (journal, writer) = leftover;
        var last = journal.LastSequence;
        var stored = journal.Checkpoints.GetValueOrDefault(InfluxWriter.ConsumerName);
        if (stored >= last)
        {
            writer.Dispose();
            journal.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return;
        }
        logger.LogWarning("Partition {Partition}: {Count} readings this instance acknowledged before it stopped are not in InfluxDB yet; storing them",
            index, last - stored);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var done = Task.Run(async () =>
        {
            try
            {
                await writer.StartAsync(stop.Token);
                while (!stop.IsCancellationRequested && journal.Checkpoints.GetValueOrDefault(InfluxWriter.ConsumerName) < last)
                    await Task.Delay(TimeSpan.FromMilliseconds(100), stop.Token);
                logger.LogInformation("Partition {Partition}: the readings left in this instance's journal are stored", index);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            finally
            {
                await writer.StopAsync(CancellationToken.None);
                writer.Dispose();
                await journal.DisposeAsync();
            }
        }, CancellationToken.None);
        _leftovers[index] = (done, stop);
    }

    private async Task StopLeftoversAsync(int index)
    {
        if (!_leftovers.Remove(index, out var leftover)) return;
        await leftover.Stop.CancelAsync();
        await leftover.Done;
        leftover.Stop.Dispose();
    }

    private async Task<bool> StartAsync(int index, CancellationToken stoppingToken)
    {
        // This instance's own journal of the partition: the partition goes on with it (what is left is stored by it).
        await StopLeftoversAsync(index);
        ListenerPartition partition;
        try
        {
            partition = factory.Create(index);
        }
        catch (Exception e) when (e is Journal.JournalException or IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Partition {Partition} cannot start: its journal in {Directory} cannot be opened", index, options.PartitionJournalDirectory(index));
            return false;
        }
        partitions.Add(partition);
        await partition.StartAsync(stoppingToken);
        return true;
    }

    private async Task StopAsync(ListenerPartition partition, TimeSpan drain, bool release, CancellationToken cancellationToken)
    {
        partitions.Remove(partition.Index);
        _renewed.Remove(partition.Index);
        try
        {
            await partition.StopAsync(drain, cancellationToken);
        }
        finally
        {
            await partition.DisposeAsync();
        }
        if (release && leases is not null) await ReleaseAsync(partition.Index, cancellationToken);
    }

    private async Task ReleaseAsync(int index, CancellationToken cancellationToken)
    {
        try
        {
            await leases!.ReleaseAsync(index, clock.GetUtcNow(), cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Partition {Partition} could not be released; another instance takes it over once its lease expires", index);
        }
    }
}
