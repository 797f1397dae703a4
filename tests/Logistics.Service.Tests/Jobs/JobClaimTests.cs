using System.Collections.Concurrent;
using Logistics.Data;
using Logistics.Data.Jobs;
using Logistics.Data.Plans;
using Logistics.Service.Planning;
using Microsoft.Extensions.Logging.Abstractions;

namespace Logistics.Service.Tests.Jobs;

/// <summary>Jobs claimed once by instances sharing one database, on both providers (<see cref="TestDatabase.Providers"/>):
/// each instance has its own store (its own connection pool) and its own worker loop, as two service processes would.</summary>
public sealed class JobClaimTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);
    private static readonly PlanJobOptions Options = new(1, null, false, []);

    private static async Task<(TestDatabase Test, PlanStore A, PlanStore B)> TwoInstancesAsync(string provider, TimeSpan lease)
    {
        var test = await TestDatabase.CreateAsync(provider);
        var a = new LogisticsDatabase(test.Database);
        await a.MigrateAsync();
        return (test, new PlanStore(a, new JobInstance("instance-a", lease)),
            new PlanStore(new LogisticsDatabase(test.SecondInstance()), new JobInstance("instance-b", lease)));
    }

    private static Task QueueAsync(PlanStore store, string id, DateTimeOffset at) =>
        store.CreateAsync(new PlanRecord(id, new DateOnly(2026, 11, 23), PlanStatus.Queued, null, at, null, null, Options, null, null, null, null), null);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_instances_worker_loops_run_every_queued_job_exactly_once(string provider)
    {
        var (test, a, b) = await TwoInstancesAsync(provider, TimeSpan.FromSeconds(30));
        await using var _ = test;
        const int jobs = 40;
        for (var i = 0; i < jobs; i++) await QueueAsync(i % 2 == 0 ? a : b, $"p_{i:00}", T0.AddMilliseconds(i));

        var runs = new ConcurrentBag<(string Instance, string Id)>();
        using var stop = new CancellationTokenSource();
        Func<string, CancellationToken, Task> Run(PlanStore store, PlanJobQueue queue) => async (id, token) =>
        {
            queue.Register(id, token);
            runs.Add((store.Instance.Id, id));
            await Task.Delay(15, CancellationToken.None);
            Assert.True(await store.FinishAsync(id, PlanStatus.Succeeded, null, null, null, null, DateTimeOffset.UtcNow));
        };
        var queueA = new PlanJobQueue();
        var queueB = new PlanJobQueue();
        var loops = new[]
        {
            queueA.RunWorkersAsync(2, a, Run(a, queueA), (_, e) => throw e, TimeProvider.System, NullLogger.Instance, "Planning", stop.Token),
            queueB.RunWorkersAsync(2, b, Run(b, queueB), (_, e) => throw e, TimeProvider.System, NullLogger.Instance, "Planning", stop.Token),
        };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await a.ListAsync(null)).Any(p => p.Status != PlanStatus.Succeeded) && DateTime.UtcNow < deadline) await Task.Delay(100);
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        Assert.All(await a.ListAsync(null), p => Assert.Equal(PlanStatus.Succeeded, p.Status));
        Assert.Equal(Enumerable.Range(0, jobs).Select(i => $"p_{i:00}"), runs.Select(r => r.Id).Order(StringComparer.Ordinal));
        foreach (var id in runs.Select(r => r.Id))
        {
            var history = await b.HistoryAsync(id);
            var claimed = Assert.Single(history);
            Assert.Equal("claimed and started", claimed.Event);
            Assert.Equal(runs.Single(r => r.Id == id).Instance, claimed.Instance);
        }
        test.SecondInstance().ClearPool();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_job_whose_instance_stopped_renewing_is_taken_over_after_its_lease_and_the_first_owner_cannot_finish_it(string provider)
    {
        var (test, a, b) = await TwoInstancesAsync(provider, TimeSpan.FromSeconds(10));
        await using var _ = test;
        await QueueAsync(a, "p_1", T0);

        Assert.Equal(new JobClaim("p_1", null, 1), await a.ClaimAsync(T0));
        Assert.Null(await b.ClaimAsync(T0.AddSeconds(9)));
        Assert.Equal(new JobRenewal(true, false), await a.RenewAsync("p_1", T0.AddSeconds(5)));
        Assert.Null(await b.ClaimAsync(T0.AddSeconds(14)));
        // a died: no renewal after T0+5 s, so its lease ends at T0+15 s.
        Assert.Equal(new JobClaim("p_1", "instance-a", 2), await b.ClaimAsync(T0.AddSeconds(16)));

        Assert.Equal(new JobRenewal(false, false), await a.RenewAsync("p_1", T0.AddSeconds(17)));
        Assert.False(await a.FinishAsync("p_1", PlanStatus.Failed, null, null, "stale", null, T0.AddSeconds(18)));
        Assert.True(await b.FinishAsync("p_1", PlanStatus.Succeeded, null, null, null, null, T0.AddSeconds(19)));
        var record = (await a.GetAsync("p_1"))!;
        Assert.Equal((PlanStatus.Succeeded, (string?)null, T0.AddSeconds(16)), (record.Status, record.Error, record.StartedAt));

        var history = await a.HistoryAsync("p_1");
        Assert.Equal(["instance-a", "instance-b"], history.Select(h => h.Instance));
        Assert.Equal("claimed and started", history[0].Event);
        Assert.Equal("taken over from instance-a (its lease expired at 2026-09-21 14:13:35Z); started again (attempt 2)", history[1].Event);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cancel_through_one_instance_reaches_the_other_and_a_released_job_is_taken_over_at_once(string provider)
    {
        var (test, a, b) = await TwoInstancesAsync(provider, TimeSpan.FromSeconds(30));
        await using var _ = test;
        await QueueAsync(a, "p_1", T0);
        await QueueAsync(a, "p_2", T0.AddSeconds(1));

        Assert.Equal("p_1", (await a.ClaimAsync(T0))!.Id);
        Assert.True(await b.RequestCancelAsync("p_1"));
        Assert.Equal(new JobRenewal(true, true), await a.RenewAsync("p_1", T0.AddSeconds(1)));
        Assert.False(await b.RequestCancelAsync("p_2"));   // still queued: cancelled as a queued job instead

        Assert.Equal("p_2", (await a.ClaimAsync(T0.AddSeconds(2)))!.Id);
        Assert.True(await a.ReleaseAsync("p_2", T0.AddSeconds(3)));
        Assert.Equal(new JobClaim("p_2", "instance-a", 2), await b.ClaimAsync(T0.AddSeconds(4)));
        Assert.Equal("released: the instance is stopping", (await a.HistoryAsync("p_2"))[1].Event);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_job_that_outlives_every_instance_running_it_is_failed_after_the_last_attempt(string provider)
    {
        var (test, a, _) = await TwoInstancesAsync(provider, TimeSpan.FromSeconds(10));
        await using var __ = test;
        await QueueAsync(a, "p_1", T0);
        for (var attempt = 1; attempt <= JobInstance.MaxAttempts; attempt++)
            Assert.Equal(attempt, (await a.ClaimAsync(T0.AddSeconds(20 * attempt)))!.Attempt);

        Assert.Null(await a.ClaimAsync(T0.AddSeconds(20 * (JobInstance.MaxAttempts + 1))));
        var record = (await a.GetAsync("p_1"))!;
        Assert.Equal(PlanStatus.Failed, record.Status);
        Assert.StartsWith($"stopped {JobInstance.MaxAttempts} times with the instance running it", record.Error);
        Assert.StartsWith("failed: ", (await a.HistoryAsync("p_1"))[^1].Event);
    }
}
