using System.ComponentModel.DataAnnotations;
using Logistics.Data.Jobs;
using Logistics.Storage;

namespace Logistics.Service.Storage;

/// <summary>The service's database (section "Database"): API keys, day inputs, plans and their jobs, publications,
/// order history and forecasts; on PostgreSQL also the alert store. SQLite (one file) is the default; PostgreSQL is
/// for several instances sharing one state.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary>sqlite or postgres.</summary>
    public string Provider { get; set; } = SqlProvider.Sqlite;

    /// <summary>SQLite: the file. Relative paths are below the working directory. `logistics keys` takes the same path.</summary>
    public string Path { get; set; } = "data/logistics.db";

    /// <summary>PostgreSQL: an Npgsql connection string (Host, Port, Username, Password, Database).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>This instance's name in the jobs' history; null: host name, process id and a random suffix.</summary>
    public string? InstanceId { get; set; }

    /// <summary>How long an instance's claim on a running job holds without renewal (renewed every third of it): after
    /// that another instance takes the job over.</summary>
    [Range(3, 3600)]
    public int JobLeaseSeconds { get; set; } = 30;

    public JobInstance JobInstance() => string.IsNullOrWhiteSpace(InstanceId)
        ? Data.Jobs.JobInstance.CreateDefault(TimeSpan.FromSeconds(JobLeaseSeconds))
        : new JobInstance(InstanceId.Trim(), TimeSpan.FromSeconds(JobLeaseSeconds));

    /// <summary>The database these settings name.</summary>
    /// <exception cref="ArgumentException">The settings are invalid (<see cref="Validate"/> says which).</exception>
    public SqlDatabase Open() => SqlDatabase.For(Provider, Path, ConnectionString);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? error = null;
        try
        {
            Open();
        }
        catch (ArgumentException e)
        {
            error = e.Message;
        }
        if (error is not null) yield return new ValidationResult(error, [nameof(Provider)]);
    }
}
