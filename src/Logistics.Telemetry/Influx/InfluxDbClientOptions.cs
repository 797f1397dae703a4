namespace Logistics.Telemetry.Influx;

/// <summary>How <see cref="InfluxDbClient"/> writes and retries.</summary>
public sealed record InfluxDbClientOptions
{
    /// <summary>Most points in one write (InfluxDB's recommended batch size).</summary>
    public const int MaxBatchSize = 5_000;

    /// <summary>Times a request is sent before InfluxDB counts as unavailable (1 = no retry).
    /// Network errors, timeouts and 5xx answers are retried; 4xx answers never are.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Wait before the first retry; it doubles for each further one, with jitter.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The unit of written timestamps; times finer than it are rounded towards the past.</summary>
    public InfluxPrecision Precision { get; init; } = InfluxPrecision.Nanoseconds;

    /// <summary>Whether writes are gzip-compressed. Worth it over a network; on the same machine it costs both
    /// sides CPU for bytes that cost nothing to move (README, "Telemetry under overload").</summary>
    public bool Gzip { get; init; } = true;

    /// <summary>The retention policy writes go to; null means the database's default one.</summary>
    public string? RetentionPolicy { get; init; }

    internal void Validate()
    {
        if (MaxAttempts is < 1 or > 100)
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, $"{nameof(MaxAttempts)} is {MaxAttempts}; it must be 1 to 100.");
        if (FirstRetryDelay < TimeSpan.Zero || FirstRetryDelay > TimeSpan.FromHours(1))
            throw new ArgumentOutOfRangeException(nameof(FirstRetryDelay), FirstRetryDelay, $"{nameof(FirstRetryDelay)} is {FirstRetryDelay}; it must be 0 to 1 hour.");
        if (MaxRetryDelay < FirstRetryDelay || MaxRetryDelay > TimeSpan.FromHours(1))
            throw new ArgumentOutOfRangeException(nameof(MaxRetryDelay), MaxRetryDelay, $"{nameof(MaxRetryDelay)} is {MaxRetryDelay}; it must be from {nameof(FirstRetryDelay)} ({FirstRetryDelay}) to 1 hour.");
        if (!Enum.IsDefined(Precision))
            throw new ArgumentOutOfRangeException(nameof(Precision), Precision, $"{nameof(Precision)} '{Precision}' is not one of ns, u, ms, s.");
        if (RetentionPolicy is { Length: 0 })
            throw new ArgumentException($"{nameof(RetentionPolicy)} is empty; leave it null for the database's default.", nameof(RetentionPolicy));
    }
}
