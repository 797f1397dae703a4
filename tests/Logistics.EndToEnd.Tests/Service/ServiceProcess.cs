using System.Collections.Concurrent;
using System.Diagnostics;
using Logistics.Data;
using Logistics.Data.Security;

namespace Logistics.EndToEnd.Tests.Service;

/// <summary>Logistics.Service started as a real process on a free port; killed on dispose.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, Uri baseUrl, IReadOnlyDictionary<string, string> configuration, string adminToken)
    {
        _process = process;
        BaseUrl = baseUrl;
        Configuration = configuration;
        AdminToken = adminToken;
    }

    public Uri BaseUrl { get; }

    /// <summary>An admin key made in the service's database before it started: /api/telemetry/stats and the
    /// details of /health need one.</summary>
    public string AdminToken { get; }

    /// <summary>The environment it was started with: <see cref="StartAgainAsync"/> reuses it (same
    /// listener client id, data directory and database).</summary>
    public IReadOnlyDictionary<string, string> Configuration { get; }

    public bool HasExited => _process.HasExited;
    public string Output => string.Join('\n', _output);

    /// <summary>Configuration for the test profile's servers; entries of <paramref name="overrides"/> win.</summary>
    public static Dictionary<string, string> TestServerConfiguration(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"logistics-e2e-{Guid.NewGuid():N}");
        var config = new Dictionary<string, string>
        {
            ["Mqtt__Host"] = TestServers.MqttHost,
            ["Mqtt__Port"] = TestServers.MqttPort.ToString(),
            ["Mqtt__Username"] = TestServers.ListenerUser,
            ["Mqtt__Password"] = TestServers.ListenerPassword,
            ["InfluxDb__Url"] = TestServers.InfluxUrl.ToString(),
            ["InfluxDb__Username"] = TestServers.InfluxUser,
            ["InfluxDb__Password"] = TestServers.InfluxPassword,
            ["Log__Directory"] = Path.Combine(Path.GetTempPath(), "logistics-e2e-logs"),
            // Each service its own listener session, journal, SQLite file and InfluxDB database, so tests in parallel
            // neither take each other's MQTT session nor count each other's readings.
            ["Listener__ClientId"] = $"e2e-{Guid.NewGuid():N}"[..20],
            ["Listener__DataDirectory"] = dataDirectory,
            ["Database__Path"] = Path.Combine(dataDirectory, "logistics.db"),
            ["InfluxDb__Database"] = $"e2e_{Guid.NewGuid():N}",
        };
        foreach (var (k, v) in overrides ?? new Dictionary<string, string>()) config[k] = v;
        return config;
    }

    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> configuration, TimeSpan? startupLimit = null)
    {
        var database = configuration.TryGetValue("Database__Provider", out var provider) && provider == Logistics.Storage.SqlProvider.Postgres
            ? new LogisticsDatabase(Logistics.Storage.SqlDatabase.Postgres(configuration["Database__ConnectionString"]))
            : new LogisticsDatabase(configuration["Database__Path"]);
        await database.MigrateAsync();
        var admin = await new ApiKeyStore(database).CreateAsync($"e2e admin {Guid.NewGuid():N}"[..20], Role.Admin);
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var info = ProcessRunner.StartInfo("dotnet", [RepositoryPaths.ProgramDll("Logistics.Service"), "--urls", url.ToString()], configuration);
        info.WorkingDirectory = Path.GetTempPath();
        var service = new ServiceProcess(new Process { StartInfo = info, EnableRaisingEvents = true }, url, new Dictionary<string, string>(configuration), admin.Token);
        service._process.OutputDataReceived += (_, e) => { if (e.Data is not null) service._output.Enqueue(e.Data); };
        service._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) service._output.Enqueue(e.Data); };
        service._process.Start();
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        await service.WaitUntilListeningAsync(startupLimit ?? TimeSpan.FromSeconds(30));
        return service;
    }

    /// <summary>Another process with the same configuration, on a new port.</summary>
    public Task<ServiceProcess> StartAgainAsync(TimeSpan? startupLimit = null) => StartAsync(Configuration, startupLimit);

    /// <summary>SIGKILL, as a crash or power cut would end it: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    private async Task WaitUntilListeningAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the service exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                using var _ = await http.GetAsync(new Uri(BaseUrl, "/health"));
                return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the service did not answer on {BaseUrl} within {limit.TotalSeconds} s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
