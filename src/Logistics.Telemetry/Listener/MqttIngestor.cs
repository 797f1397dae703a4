using System.Diagnostics;
using System.Threading.Channels;
using Logistics.Mqtt;
using Logistics.Telemetry.Journal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener;

/// <summary>Receives every message of the listener's subscriptions, appends it (topic, payload,
/// receive time) to the journal, and only once it is on disk acknowledges it to the broker. Many
/// appends are kept in flight so that the journal's group commit fills; acknowledgements still go
/// out in arrival order, as MQTT requires. Nothing here parses a payload: a malformed message is
/// journaled like any other and refused later, so input can never stop the intake. It takes the next message only
/// while the alert processor keeps up (<see cref="AlertPace"/>): alerts before storage, and before more intake.</summary>
public sealed class MqttIngestor(
    ListenerConnection connection,
    MessageJournal journal,
    AlertPace alerts,
    TelemetryCounters counters,
    ListenerOptions options,
    ILogger<MqttIngestor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Listener:Enabled=false: this instance serves the API and runs jobs; another one listens (one session per fleet).
        if (!options.Enabled) return;
        // Messages are taken while the subscription is still being made: a resumed session's backlog arrives before
        // the SUBACK, which the client reads only once its receive queue has room (waiting for the SUBACK first
        // deadlocked a restart under load).
        var starting = connection.StartAsync(stoppingToken);
        var pending = Channel.CreateBounded<(Task Append, MqttMessage Message)>(
            new BoundedChannelOptions(options.MaxUnacknowledged) { SingleReader = true, SingleWriter = true });
        var acknowledger = AcknowledgeAsync(pending.Reader, stoppingToken);
        try
        {
            var messages = connection.Client.Messages;
            while (true)
            {
                // Where the intake's time goes (the stats' stages): waiting for the broker, the alert processor or the journal.
                if (!messages.TryRead(out var message))
                {
                    var waiting = Stopwatch.GetTimestamp();
                    if (!await messages.WaitToReadAsync(stoppingToken)) break;
                    counters.IntakeWaitingForBroker.AddSince(waiting);
                    continue;
                }
                if (alerts.Lag >= alerts.MaxLag)
                {
                    var waiting = Stopwatch.GetTimestamp();
                    await alerts.WaitAsync(stoppingToken);
                    counters.IntakeWaitingForAlerts.AddSince(waiting);
                }
                counters.OnReceived(message.ReceivedAt);
                // Received when our client read it, so the wait above and in the client's queue counts as the listener's.
                // The payload is the message's own array (never reused by the client): the journal keeps it, no copy.
                var append = journal.AppendOwnedAsync(message.Topic, message.Payload, message.ReceivedAt, stoppingToken);
                alerts.OnQueued();
                if (!pending.Writer.TryWrite((append, message)))
                {
                    var waiting = Stopwatch.GetTimestamp();
                    await pending.Writer.WriteAsync((append, message), stoppingToken);
                    counters.IntakeWaitingForJournal.AddSince(waiting);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            pending.Writer.TryComplete();
            await acknowledger;
            try
            {
                await starting;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>Acknowledges in arrival order, each message once its append is durable. The messages of one group
    /// commit become durable together; their PUBACKs go out together too (one write, where one each cost a write and a
    /// packet per message, on our side and the broker's).</summary>
    private async Task AcknowledgeAsync(ChannelReader<(Task Append, MqttMessage Message)> pending, CancellationToken stoppingToken)
    {
        var durable = new List<MqttMessage>(1024);
        long sampled = 0;
        while (await pending.WaitToReadAsync(CancellationToken.None))
        {
            // Everything durable at the head of the queue, but at least the first (waited for).
            while (durable.Count < 1024 && pending.TryPeek(out var head) && (durable.Count == 0 || head.Append.IsCompleted))
            {
                pending.TryRead(out var item);
                var (append, message) = item;
                try
                {
                    await append;
                }
                catch (Exception e) when (e is OperationCanceledException || e is JournalException || e is IOException || e is ObjectDisposedException)
                {
                    // Not on disk, so not acknowledged: the broker delivers it again after a reconnect.
                    if (!stoppingToken.IsCancellationRequested)
                        logger.LogError(e, "Could not journal a message on {Topic}; it stays unacknowledged at the broker", message.Topic);
                    continue;
                }
                counters.OnJournaled();
                alerts.OnJournaled();
                counters.ReceiptToDurable.AddSampled(DateTimeOffset.UtcNow - message.ReceivedAt, ref sampled, TelemetryCounters.MessageSampling);
                durable.Add(message);
            }
            if (durable.Count == 0) continue;
            try
            {
                await MqttMessage.AcknowledgeAllAsync(durable, CancellationToken.None);
                counters.OnAcknowledged(durable.Count);
            }
            catch (MqttException e)
            {
                logger.LogDebug("Acknowledgements of {Count} messages not sent ({Error}); the broker will deliver them again", durable.Count, e.Message);
            }
            durable.Clear();
        }
    }
}
