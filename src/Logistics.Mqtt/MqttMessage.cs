using Logistics.Mqtt.Internal;

namespace Logistics.Mqtt;

/// <summary>A message received from the broker. A value type, so receiving costs no allocation
/// beyond the payload. Safe to acknowledge from any thread.</summary>
public readonly struct MqttMessage
{
    private readonly MqttConnection? _connection;
    private readonly long _sequence;

    internal MqttMessage(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qualityOfService, bool retain,
        bool duplicate, MqttConnection? connection, long sequence, DateTimeOffset receivedAt)
    {
        ReceivedAt = receivedAt;
        Topic = topic;
        Payload = payload;
        QualityOfService = qualityOfService;
        Retain = retain;
        Duplicate = duplicate;
        _connection = connection;
        _sequence = sequence;
    }

    public string Topic { get; }

    /// <summary>When the client read it from the connection (UTC): the time it then spent in the receive queue
    /// (<see cref="MqttClientOptions.ReceiveQueueCapacity"/>) waiting for the application counts.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The payload: an array of its own per message, which the client never reuses or changes (a consumer
    /// may keep it).</summary>
    public ReadOnlyMemory<byte> Payload { get; }
    public MqttQualityOfService QualityOfService { get; }

    /// <summary>Sent because it was retained on the broker when the subscription was made.</summary>
    public bool Retain { get; }

    /// <summary>The broker may have delivered it before (DUP flag); the application must tolerate
    /// duplicates of QoS 1 messages in any case.</summary>
    public bool Duplicate { get; }

    /// <summary>Tells the broker the message is safely handled: PUBACK at QoS 1, PUBREC (then PUBREL
    /// and PUBCOMP) at QoS 2; nothing at QoS 0. Acknowledgements go out in the order the messages
    /// arrived, so this one waits for earlier unacknowledged ones. When the connection the message
    /// came on is gone, this does nothing: the broker will deliver the message again. Acknowledging
    /// twice is harmless. A message never acknowledged holds back the acknowledgements of all later
    /// ones (the standard's order); once the client's receive queue is full it stops reading, which holds the broker back.
    /// At QoS 2 the client remembers, in memory, which messages it has PUBREC'd, so a copy resent
    /// before PUBREL is not delivered twice; across a process restart that memory is gone.</summary>
    public ValueTask AcknowledgeAsync(CancellationToken cancellationToken) =>
        _connection is null ? ValueTask.CompletedTask : _connection.AcknowledgeAsync(_sequence, cancellationToken);

    /// <summary>Acknowledges several messages as <see cref="AcknowledgeAsync"/> does each, with as few writes as possible:
    /// all are marked first, then what is due goes out together (one write for a run of PUBACKs, where one call per
    /// message costs a write and a packet each).</summary>
    public static async ValueTask AcknowledgeAllAsync(IReadOnlyList<MqttMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        MqttConnection? marked = null;
        for (var i = 0; i < messages.Count; i++)
        {
            var connection = messages[i]._connection;
            if (connection is null) continue;
            // Across a reconnect the list may hold messages of two connections: each one's are sent on it.
            if (marked is not null && connection != marked) await marked.SendAcknowledgementsAsync(cancellationToken).ConfigureAwait(false);
            if (connection.MarkAcknowledged(messages[i]._sequence)) marked = connection;
        }
        if (marked is not null) await marked.SendAcknowledgementsAsync(cancellationToken).ConfigureAwait(false);
    }
}
