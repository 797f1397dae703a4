using Logistics.Mqtt.Protocol;

namespace Logistics.Mqtt.Tests.Protocol;

public class RemainingLengthTests
{
    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(127, new byte[] { 0x7F })]
    [InlineData(128, new byte[] { 0x80, 0x01 })]
    [InlineData(16_383, new byte[] { 0xFF, 0x7F })]
    [InlineData(16_384, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(2_097_151, new byte[] { 0xFF, 0xFF, 0x7F })]
    [InlineData(2_097_152, new byte[] { 0x80, 0x80, 0x80, 0x01 })]
    [InlineData(268_435_455, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
    public void Encodes_the_boundaries_of_the_standard_and_reads_them_back(int value, byte[] expected)
    {
        var buffer = new byte[4];
        var written = RemainingLength.Write(value, buffer);
        Assert.Equal(expected, buffer[..written]);

        Assert.True(RemainingLength.TryRead(expected, out var read, out var consumed));
        Assert.Equal(value, read);
        Assert.Equal(expected.Length, consumed);
    }

    [Fact]
    public void A_fifth_length_byte_is_a_protocol_error()
    {
        var e = Assert.Throws<MqttProtocolException>(() => RemainingLength.TryRead(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, out _, out _));
        Assert.Contains("4 bytes", e.Message);
    }

    [Fact]
    public void A_length_cut_short_asks_for_more_bytes()
    {
        Assert.False(RemainingLength.TryRead(new byte[] { 0x80, 0x80 }, out _, out var consumed));
        Assert.Equal(0, consumed);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(268_435_456)]
    public void Values_outside_the_range_cannot_be_written(int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RemainingLength.Write(value, new byte[8]));
}
