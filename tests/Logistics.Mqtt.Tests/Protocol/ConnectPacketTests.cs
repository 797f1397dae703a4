using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Tests.Protocol;

public class ConnectPacketTests
{
    [Fact]
    public void Encodes_the_fields_in_the_order_and_with_the_flags_of_the_standard()
    {
        var bytes = new ConnectPacket("c1", CleanSession: true, KeepAliveSeconds: 60, Username: "u", Password: "pw").ToBytes();

        byte[] expected =
        [
            0x10, 21,                               // CONNECT, remaining length
            0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T',
            0x04,                                   // protocol level 3.1.1
            0xC2,                                   // user name + password + clean session
            0x00, 60,                               // keep-alive
            0x00, 0x02, (byte)'c', (byte)'1',
            0x00, 0x01, (byte)'u',
            0x00, 0x02, (byte)'p', (byte)'w',
        ];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Without_credentials_and_clean_session_the_flags_are_zero()
    {
        var bytes = new ConnectPacket("listener", CleanSession: false, KeepAliveSeconds: 300).ToBytes();
        Assert.Equal(0x00, bytes[9]);
        Assert.Equal(new byte[] { 0x01, 0x2C }, bytes[10..12]);
    }

    [Fact]
    public void A_password_without_a_user_name_is_refused() =>
        Assert.Throws<ArgumentException>(() => new ConnectPacket("c", true, 10, null, "secret").ToBytes());

    [Fact]
    public void A_long_password_moves_the_remaining_length_to_two_bytes()
    {
        var bytes = new ConnectPacket("c", true, 10, "u", new string('x', 200)).ToBytes();
        Assert.True(RemainingLength.TryRead(bytes.AsSpan(1), out var length, out var size));
        Assert.Equal(2, size);
        Assert.Equal(bytes.Length - 1 - size, length);
    }
}
