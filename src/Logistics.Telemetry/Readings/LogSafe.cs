using System.Globalization;
using System.Text;

namespace Logistics.Telemetry.Readings;

/// <summary>Turns untrusted text from devices into something safe to put in a log line or a tag:
/// bounded in length, with control and direction-changing characters escaped so that a payload
/// cannot forge log lines or hide what it contains.</summary>
public static class LogSafe
{
    /// <summary>The most characters of an offending value that are kept.</summary>
    public const int MaxChars = 64;

    /// <summary>Null stays null; otherwise at most <paramref name="maxChars"/> characters of the text,
    /// escaped, with the original length noted when it was cut.</summary>
    public static string? Text(string? text, int maxChars = MaxChars)
    {
        if (text is null) return null;
        var sb = new StringBuilder(Math.Min(text.Length, maxChars) + 16);
        var kept = 0;
        var i = 0;
        for (; i < text.Length && kept < maxChars; i++, kept++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || IsDirectionControl(c) || c == '\\')
            {
                sb.Append(c == '\\' ? "\\\\" : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
        if (i < text.Length) sb.Append(CultureInfo.InvariantCulture, $"…({text.Length} chars)");
        return sb.ToString();
    }

    /// <summary>The start of a byte payload as text (invalid UTF-8 becomes U+FFFD), made safe as
    /// <see cref="Text"/> does, with the payload's size noted when it was cut.</summary>
    public static string Bytes(ReadOnlySpan<byte> bytes, int maxChars = MaxChars)
    {
        // Four bytes per character is the most UTF-8 needs, so this slice holds enough for maxChars.
        var slice = bytes[..Math.Min(bytes.Length, maxChars * 4)];
        var decoded = Encoding.UTF8.GetString(slice);
        if (slice.Length == bytes.Length) return Text(decoded, maxChars)!;
        var head = decoded.Length > maxChars ? decoded[..maxChars] : decoded;
        return Text(head, maxChars) + string.Create(CultureInfo.InvariantCulture, $"…({bytes.Length} bytes)");
    }

    private static bool IsDirectionControl(char c) =>
        c is '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u200e' or '\u200f' or '\ufeff';
}
