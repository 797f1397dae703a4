using Logistics.Data;
using Logistics.Data.Security;
using Microsoft.Extensions.Options;

namespace Logistics.Service.Storage;

public static class StorageRegistration
{
    /// <summary>The SQLite file, its schema brought up to date before the service takes requests, and the stores on it.</summary>
    public static IServiceCollection AddLogisticsDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(s => new LogisticsDatabase(s.GetRequiredService<IOptions<DatabaseOptions>>().Value.Path));
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
            foreach (var step in ran) logger.LogInformation("Database {Path}: applied schema step {Version} ({Description})", database.Path, step.Version, step.Description);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
