using System.Text;
using Logistics.Telemetry.Journal;
using Logistics.Telemetry.Listener;
using Logistics.Telemetry.Tests.Journal;

namespace Logistics.Telemetry.Tests.Listener;

public class AlertPaceTests
{
    [Fact]
    public async Task The_intake_waits_for_journaled_messages_the_alert_processor_has_not_evaluated_not_for_appends_on_their_way()
    {
        using var folder = new TempFolder();
        await using var journal = MessageJournal.Open(new JournalOptions { Directory = folder.Path });
        await journal.AppendAsync("fleet/T-001/telemetry", "{}"u8.ToArray(), DateTimeOffset.UtcNow); // before this process
        var pace = new AlertPace(journal);
        pace.OnEvaluated(0); // the processor opened its consumer at its checkpoint; record 1 is still to evaluate

        // Many messages taken and still on their way into the journal: the intake goes on (their group commit fills).
        Assert.True(pace.WaitAsync(CancellationToken.None).IsCompleted);

        long last = 0;
        for (var i = 0; i < pace.MaxLag; i++)
        {
            last = await journal.AppendAsync("fleet/T-001/telemetry", Encoding.UTF8.GetBytes("{}"), DateTimeOffset.UtcNow);
            pace.OnJournaled();
        }
        Assert.Equal(pace.MaxLag, pace.Lag);
        var waiting = pace.WaitAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted); // durable and not evaluated: alerts first

        pace.OnEvaluated(1); // the record from before this process: its messages still wait
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        pace.OnEvaluated(2); // one of its own evaluated: below the limit again
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(pace.MaxLag - 1, pace.Lag);
    }

    [Fact]
    public async Task Reading_before_durability_the_intake_waits_for_queued_messages_not_yet_evaluated()
    {
        using var folder = new TempFolder();
        await using var journal = MessageJournal.Open(new JournalOptions { Directory = folder.Path });
        var pace = new AlertPace(journal, beforeDurable: true, maxLag: 50);
        pace.OnEvaluated(0);
        for (var i = 0; i < pace.MaxLag; i++)
        {
            pace.OnQueued();
            pace.OnJournaled(); // not counted: the alert processor reads queued records
        }
        Assert.Equal(pace.MaxLag, pace.Lag);
        var waiting = pace.WaitAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        pace.OnEvaluated(pace.MaxLag / 2); // caught up by half the limit
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(pace.MaxLag / 2, pace.Lag);
    }
}
