namespace Logistics.Data.Jobs;

/// <summary>A job this instance now owns.</summary>
/// <param name="TakenOverFrom">The instance whose lease on the job had expired (it stopped or died mid-run); null for a
/// job that was waiting.</param>
/// <param name="Attempt">1 for the first run, 2 after the first takeover, …</param>
public sealed record JobClaim(string Id, string? TakenOverFrom, int Attempt);

/// <summary>What renewing a lease found.</summary>
/// <param name="Owned">False: the lease had expired and another instance took the job over; this run's result is
/// not wanted any more (and could not be saved).</param>
/// <param name="CancelRequested">A user asked for the job to stop, through any instance.</param>
public sealed record JobRenewal(bool Owned, bool CancelRequested);

/// <summary>One line of a job's history: claimed, taken over, released, failed after too many takeovers.</summary>
public sealed record JobEvent(DateTimeOffset At, string Instance, string Event);
