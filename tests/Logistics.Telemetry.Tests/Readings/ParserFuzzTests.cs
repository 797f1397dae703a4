using System.Text;
using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Tests.Readings;

/// <summary>Random and mutated payloads: the parser must answer every one with an accepted message
/// or a rejection with a reason, field and message, and never throw.</summary>
public class ParserFuzzTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 22, 8, 16, 0, TimeSpan.Zero);

    private static readonly string[] Seeds =
    [
        """{"truck":"T-017","seq":1842,"ts":"2026-11-22T08:15:30Z","readings":[{"sensor":"front","temperature_c":21.4,"humidity_pct":58.2},{"sensor":"rear","temperature_c":-999}],"door_open":false,"location":{"lat":22.8170,"lon":108.3665}}""",
        """{"truck":"T-017","seq":0,"ts":1795335330000,"readings":[{"sensor":"s","humidity_pct":40}]}""",
        """{"truck":"T-017","seq":1,"ts":"2026-11-22T16:15:30.5+08:00","readings":[{"sensor":"\u00e9\ud83d\ude00","temperature_c":1e2}],"location":null}""",
    ];

    // Tokens that steer mutations towards the parser's edges.
    private static readonly string[] Tokens =
    [
        "null", "true", "false", "-1", "1e400", "-0", "1.5", "\"\"", "[]", "{}", "\"\\ud800\"", "\"\\u0000\"",
        "99999999999999999999", "\"truck\"", "\"seq\"", "\"readings\"", ",", ":", "[", "]", "{", "}", "\"", "\\",
    ];

    [Fact]
    public void Thousands_of_random_and_mutated_payloads_never_throw_and_each_gets_an_answer()
    {
        var random = new Random(20261122);
        var parser = new TelemetryParser(new TelemetryValidationOptions { MaxPayloadBytes = 4096 });
        int accepted = 0, rejected = 0;
        var reasons = new HashSet<string>();
        for (var i = 0; i < 10_000; i++)
        {
            var payload = Mutate(random, Encoding.UTF8.GetBytes(Seeds[random.Next(Seeds.Length)]), i);
            var topic = random.Next(20) == 0 ? RandomTopic(random) : "fleet/T-017/telemetry";
            var result = parser.ParseTelemetry(topic, payload, Received);
            if (result.IsAccepted)
            {
                accepted++;
                Assert.NotEmpty(result.Message.Readings.Count > 0 ? result.Message.Readings : result.Faults);
            }
            else
            {
                rejected++;
                var r = result.Rejection;
                reasons.Add(r.Code);
                Assert.False(string.IsNullOrEmpty(r.Field));
                Assert.False(string.IsNullOrEmpty(r.Message));
                Assert.DoesNotContain('\n', r.Message);
                // Each kept character escapes to at most 6 ("\\u001b"), plus the note of the original length.
                Assert.True(r.Value is null || r.Value.Length <= LogSafe.MaxChars * 6 + 32, r.Value);
            }
            var status = parser.ParseStatus(topic.Replace("telemetry", "status"), payload);
            Assert.True(status.IsAccepted || status.Rejection is not null);
        }
        Assert.True(accepted > 50, $"only {accepted} accepted: the mutations are too destructive to reach the deep checks");
        Assert.True(rejected > 5_000, $"only {rejected} rejected");
        Assert.Subset(reasons, new HashSet<string> { "not_json", "wrong_type", "invalid_value", "missing_field" });
    }

    private static byte[] Mutate(Random random, byte[] seed, int round)
    {
        switch (round % 5)
        {
            case 0: // pure noise
            {
                var noise = new byte[random.Next(0, 300)];
                random.NextBytes(noise);
                return noise;
            }
            case 1: // flip a few bytes
            {
                var copy = (byte[])seed.Clone();
                for (var k = random.Next(1, 4); k > 0; k--) copy[random.Next(copy.Length)] = (byte)random.Next(256);
                return copy;
            }
            case 2: // cut it short
                return seed[..random.Next(seed.Length)];
            default: // splice in tokens at random places
            {
                var text = Encoding.UTF8.GetString(seed);
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    var at = random.Next(text.Length);
                    var cut = random.Next(0, Math.Min(8, text.Length - at));
                    text = text[..at] + Tokens[random.Next(Tokens.Length)] + text[(at + cut)..];
                }
                return Encoding.UTF8.GetBytes(text);
            }
        }
    }

    private static string RandomTopic(Random random)
    {
        var chars = "fleet/T-017telmysausx\u0000\u00e9 #+";
        return new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => chars[random.Next(chars.Length)]).ToArray());
    }
}
