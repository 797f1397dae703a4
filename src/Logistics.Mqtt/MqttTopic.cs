namespace Logistics.Mqtt;

/// <summary>Topic names and filters (MQTT 3.1.1, section 4.7): validation and wildcard matching.
/// Stateless and thread-safe.</summary>
public static class MqttTopic
{
    /// <summary>An MQTT string holds at most this many UTF-8 bytes.</summary>
    public const int MaxLength = ushort.MaxValue;

    /// <summary>Null when <paramref name="topic"/> is a valid topic name, else the reason.</summary>
    public static string? CheckName(string? topic)
    {
        var common = CheckCommon(topic, "topic name");
        if (common is not null) return common;
        var name = topic!;
        var at = name.AsSpan().IndexOfAny('+', '#');
        return at < 0 ? null : $"topic name '{name}' contains the wildcard '{name[at]}' at {at}; wildcards are allowed only in filters";
    }

    /// <summary>Null when <paramref name="filter"/> is a valid topic filter, else the reason.</summary>
    public static string? CheckFilter(string? filter)
    {
        var common = CheckCommon(filter, "topic filter");
        if (common is not null) return common;
        var rest = filter!.AsSpan();
        var levelStart = 0;
        while (true)
        {
            var slash = rest.IndexOf('/');
            var level = slash < 0 ? rest : rest[..slash];
            var hash = level.IndexOf('#');
            if (hash >= 0 && (level.Length != 1 || slash >= 0))
                return $"topic filter '{filter}': '#' must be a whole level and the last one (at {levelStart + hash})";
            var plus = level.IndexOf('+');
            if (plus >= 0 && level.Length != 1)
                return $"topic filter '{filter}': '+' must be a whole level (at {levelStart + plus})";
            if (slash < 0) return null;
            levelStart += slash + 1;
            rest = rest[(slash + 1)..];
        }
    }

    /// <exception cref="ArgumentException">The topic name is not valid.</exception>
    public static void ValidateName(string topic, string parameterName = "topic")
    {
        if (CheckName(topic) is { } reason) throw new ArgumentException(reason, parameterName);
    }

    /// <exception cref="ArgumentException">The topic filter is not valid.</exception>
    public static void ValidateFilter(string filter, string parameterName = "filter")
    {
        if (CheckFilter(filter) is { } reason) throw new ArgumentException(reason, parameterName);
    }

    /// <summary>Whether a valid <paramref name="filter"/> matches a valid topic name. Filters that
    /// start with a wildcard do not match topics that start with '$' (section 4.7.2).</summary>
    public static bool Matches(ReadOnlySpan<char> filter, ReadOnlySpan<char> topic)
    {
        if (topic.Length > 0 && topic[0] == '$' && filter.Length > 0 && filter[0] is '+' or '#')
            return false;
        while (true)
        {
            var fSlash = filter.IndexOf('/');
            var fLevel = fSlash < 0 ? filter : filter[..fSlash];
            if (fLevel is "#") return true;
            var tSlash = topic.IndexOf('/');
            var tLevel = tSlash < 0 ? topic : topic[..tSlash];
            if (fLevel is not "+" && !fLevel.SequenceEqual(tLevel)) return false;
            if (fSlash < 0) return tSlash < 0;
            // "a/#" also matches "a": the '#' stands for the parent level too.
            if (tSlash < 0) return filter[(fSlash + 1)..] is "#";
            filter = filter[(fSlash + 1)..];
            topic = topic[(tSlash + 1)..];
        }
    }

    private static string? CheckCommon(string? value, string what)
    {
        if (string.IsNullOrEmpty(value)) return $"a {what} must be at least one character long";
        if (value.Contains('\0')) return $"{what} '{value.Replace("\0", "\\0")}' contains the null character U+0000";
        int bytes;
        try { bytes = Protocol.PacketWriter.Utf8.GetByteCount(value); }
        catch (System.Text.EncoderFallbackException) { return $"{what} '{value}' is not valid UTF-16 (a lone surrogate)"; }
        return bytes > MaxLength ? $"{what} is {bytes} bytes of UTF-8; at most {MaxLength} are allowed" : null;
    }
}
