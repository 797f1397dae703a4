namespace Logistics.Mqtt.Internal;

/// <summary>A SUBSCRIBE or UNSUBSCRIBE awaiting its SUBACK or UNSUBACK on one connection.</summary>
internal sealed class PendingRequest(MqttConnection connection, Protocol.PacketType answer)
{
    private readonly TaskCompletionSource<IReadOnlyList<byte>> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public MqttConnection Connection { get; } = connection;
    public Protocol.PacketType Answer { get; } = answer;
    public Task<IReadOnlyList<byte>> Task => _done.Task;

    public void Complete(IReadOnlyList<byte> returnCodes) => _done.TrySetResult(returnCodes);
    public void Fail(Exception error) => _done.TrySetException(error);
}
