using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Logistics.Data;
using Logistics.Data.Plans;
using Logistics.EndToEnd.Tests.Service;
using Logistics.Storage;

namespace Logistics.EndToEnd.Tests.Cluster;

/// <summary>Two service processes on one PostgreSQL database (a database of the test's own on the test profile's
/// server): one listens, the other serves the API and runs jobs only (<c>Listener:Enabled=false</c>).</summary>
public sealed class TwoInstanceJobsTests
{
    private const int Jobs = 4;
    private static readonly DateOnly Day = new(2026, 11, 23);

    [Fact]
    public async Task Every_planning_job_is_done_once_and_the_job_of_an_instance_killed_mid_solve_is_taken_over_after_its_lease()
    {
        await using var test = await TestDatabase.CreateAsync(SqlProvider.Postgres);
        Dictionary<string, string> Config(string instance, bool listen) => ServiceProcess.TestServerConfiguration(new Dictionary<string, string>
        {
            ["Database__Provider"] = SqlProvider.Postgres,
            ["Database__ConnectionString"] = test.Database.ConnectionString,
            ["Database__InstanceId"] = instance,
            ["Database__JobLeaseSeconds"] = "4",
            ["Listener__Enabled"] = listen ? "true" : "false",
        });
        var a = await ServiceProcess.StartAsync(Config("e2e-a", listen: true), TimeSpan.FromSeconds(90));
        await using var b = await ServiceProcess.StartAsync(Config("e2e-b", listen: false), TimeSpan.FromSeconds(90));
        using var clientA = Client(a);
        using var clientB = Client(b);
        var store = new PlanStore(new LogisticsDatabase(test.Database));
        try
        {
            var day = await clientB.PostAsJsonAsync("/api/demo-day", new { date = Day.ToString("yyyy-MM-dd"), stores = 40, seed = 7 });
            Assert.Equal(HttpStatusCode.OK, day.StatusCode);
            var ids = new List<string>();
            for (var i = 0; i < Jobs; i++)
            {
                var created = await clientA.PostAsJsonAsync("/api/plans", new { date = Day.ToString("yyyy-MM-dd"), timeLimitSeconds = 4, seed = i + 1 });
                Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
                ids.Add((string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
            }

            // Kill a while it solves one of them: its lease (4 s) is then no longer renewed.
            var killed = await WaitAsync(async () =>
            {
                // No API shows a job's owner; its history's last claim names it.
                foreach (var running in (await store.ListAsync(Day)).Where(p => p.Status == PlanStatus.Running))
                    if ((await store.HistoryAsync(running.Id)) is [.., { Instance: "e2e-a" }]) return running.Id;
                return null;
            }, TimeSpan.FromSeconds(30), "a job running in instance a");
            await a.KillAsync();

            foreach (var id in ids)
                await WaitAsync(async () => (await store.GetAsync(id))!.Status is PlanStatus.Succeeded or PlanStatus.Failed or PlanStatus.Cancelled ? id : null,
                    TimeSpan.FromSeconds(120), $"plan {id} to end");
            foreach (var id in ids)
            {
                var record = (await store.GetAsync(id))!;
                Assert.True(record.Status == PlanStatus.Succeeded, $"plan {id}: {record.Status} {record.Error}");
                var history = await store.HistoryAsync(id);
                Assert.Equal("claimed and started", Assert.Single(history, h => h.Event == "claimed and started").Event);
                Assert.Equal(id == killed ? 2 : 1, history.Count);
            }
            var takeover = (await store.HistoryAsync(killed))[1];
            Assert.Equal("e2e-b", takeover.Instance);
            Assert.StartsWith("taken over from e2e-a (its lease expired at ", takeover.Event);

            // The API of the surviving instance shows every plan, whichever instance made it.
            var listed = await clientB.GetFromJsonAsync<JsonArray>($"/api/plans?date={Day:yyyy-MM-dd}");
            Assert.Equal(ids.Order(StringComparer.Ordinal), listed!.Select(p => (string)p!["id"]!).Order(StringComparer.Ordinal));
        }
        finally
        {
            await a.DisposeAsync();
        }
    }

    private static HttpClient Client(ServiceProcess service)
    {
        var client = new HttpClient { BaseAddress = service.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", service.AdminToken);
        return client;
    }

    private static async Task<string> WaitAsync(Func<Task<string?>> probe, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"waited {limit.TotalSeconds} s for {what}");
    }
}
