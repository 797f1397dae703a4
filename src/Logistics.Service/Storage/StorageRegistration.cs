using Logistics.Data;
using Logistics.Data.Security;
using Logistics.Storage;
using Microsoft.Extensions.Options;

namespace Logistics.Service.Storage;

public static class StorageRegistration
{
    /// <summary>The database (Database:Provider: a SQLite file or PostgreSQL), its schema brought up to date before the
    /// service takes requests, and the stores on it.</summary>
    public static IServiceCollection AddLogisticsDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(s => s.GetRequiredService<IOptions<DatabaseOptions>>().Value.Open());
        services.AddSingleton(s => new LogisticsDatabase(s.GetRequiredService<SqlDatabase>()));
        services.AddSingleton(s => s.GetRequiredService<IOptions<DatabaseOptions>>().Value.JobInstance());
        services.AddHostedService<DatabaseMigrator>();
        services.AddSingleton<ApiKeyStore>();
        return services;
    }

    /// <summary>Runs first among the hosted services (registered before them), so no request or job sees an old schema.</summary>
    private sealed class DatabaseMigrator(LogisticsDatabase database, ILogger<DatabaseMigrator> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var ran = await database.MigrateAsync(cancellationToken);
            foreach (var step in ran) logger.LogInformation("Database {Database}: applied schema step {Version} ({Description})", database.Description, step.Version, step.Description);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>The alert store's database: on PostgreSQL the service's own (every instance sees every alert); on
    /// SQLite none, so the listener keeps its own file beside its journal.</summary>
    public static SqlDatabase? AlertDatabase(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == SqlProvider.Postgres ? services.GetRequiredService<SqlDatabase>() : null;
}
