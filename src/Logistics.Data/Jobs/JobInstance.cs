namespace Logistics.Data.Jobs;

/// <summary>Who runs jobs, and for how long a claim holds without renewal. Every instance of the service sharing one
/// database has its own id; a job whose owner stops renewing its lease is taken over once the lease has expired.</summary>
/// <param name="Id">Names the instance in a job's history (default: host name, process id and a random suffix, so a
/// restarted process is another instance).</param>
/// <param name="Lease">How long a claim holds; the owner renews it about every third of that.</param>
public sealed record JobInstance(string Id, TimeSpan Lease)
{
    public static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(30);

    /// <summary>How often a job is taken over at most before it is failed: a job that kills every instance running it
    /// must not go round the cluster for ever.</summary>
    public const int MaxAttempts = 3;

    public static JobInstance CreateDefault(TimeSpan? lease = null) =>
        new($"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2))}",
            lease ?? DefaultLease);
}
