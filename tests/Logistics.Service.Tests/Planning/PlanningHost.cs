using Logistics.Service.Planning;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Logistics.Service.Tests.Planning;

/// <summary>The service with a simulated day of 60 stores on <see cref="Day"/> as its day inputs.</summary>
public class PlanningHost : ServiceHost
{
    public static readonly DateOnly Day = new(2026, 11, 23);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
            services.AddSingleton<IDayProblemSource>(new FileDayProblemSource(Path.Combine(DataFolder, "day"), Day, stores: 60, seed: 7)));
    }
}
