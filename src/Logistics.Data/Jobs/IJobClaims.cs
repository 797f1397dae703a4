namespace Logistics.Data.Jobs;

/// <summary>A job table as the service's workers use it: claim, renew, release (<see cref="JobRows"/>). Thread-safe.</summary>
public interface IJobClaims
{
    /// <summary>This instance.</summary>
    JobInstance Instance { get; }

    Task<JobClaim?> ClaimAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<JobRenewal> RenewAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<bool> ReleaseAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default);
}
