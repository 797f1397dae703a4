using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Logistics.Simulators.Fleet;

var trucks = new Option<int>("--trucks") { Description = $"number of trucks, T-001 … (1..{Logistics.Simulators.Fleet.Generation.FleetScenario.MaximumTrucks})", DefaultValueFactory = _ => 50 };
var seed = new Option<int>("--seed") { Description = "seed: the same seed and options give the same messages", DefaultValueFactory = _ => 1 };
var interval = new Option<string>("--interval") { Description = "simulated time between a truck's messages (e.g. 10s, 1m)", DefaultValueFactory = _ => "10s" };
var timeScale = new Option<double>("--time-scale") { Description = "simulated seconds per wall-clock second (600: an hour in 6 s)", DefaultValueFactory = _ => 1 };
var rate = new Option<double?>("--rate") { Description = "messages per wall-clock second across the fleet; overrides --interval" };
var duration = new Option<string?>("--duration") { Description = "simulated time to run (e.g. 30m, 8h); default: until Ctrl-C or --messages" };
var messages = new Option<long?>("--messages") { Description = "stop after this many telemetry messages in total" };
var plan = new Option<FileInfo?>("--plan") { Description = "plan JSON from 'logistics plan --out': truck k drives route k" };
var start = new Option<string?>("--start") { Description = "simulated start, ISO-8601 (default: the plan's first departure, else now)" };
var faults = new Option<string[]>("--fault")
{
    Description = "scripted fault, repeatable: KIND:TRUCK@START[+DURATION] (reefer-failure, humidity-spike, sensor-fault, silent, malformed) " +
                  "or clock-skew:TRUCK:±OFFSET[@START]; times in simulated time, a bare number is minutes",
    DefaultValueFactory = _ => [],
};
var devices = new Option<string?>("--devices") { Description = "CSV of truck,password (default: $LOGISTICS_DEVICES_FILE)" };
var host = new Option<string?>("--host") { Description = "MQTT broker (default: $LOGISTICS_MQTT_HOST, else 127.0.0.1)" };
var port = new Option<int?>("--port") { Description = "MQTT port (default: $LOGISTICS_MQTT_PORT, else 11883)" };
var summary = new Option<FileInfo?>("--summary") { Description = "write the final per-truck counts as JSON to this file" };
var dryRun = new Option<bool>("--dry-run") { Description = "print the payloads, one per line, instead of publishing (needs --duration or --messages)" };

var root = new RootCommand("Simulated in-cab devices: trucks publishing cold-chain telemetry over MQTT along their routes, with scripted faults.")
{
    trucks, seed, interval, timeScale, rate, duration, messages, plan, start, faults, devices, host, port, summary, dryRun,
};
root.SetAction(async (parse, _) =>
{
    using var stop = new CancellationTokenSource();
    // First Ctrl-C or SIGTERM: stop publishing, wait for acknowledgements, print the counts. A second Ctrl-C ends at once.
    Console.CancelKeyPress += (_, e) =>
    {
        if (stop.IsCancellationRequested) return;
        e.Cancel = true;
        stop.Cancel();
    };
    using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        stop.Cancel();
    });
    var command = new FleetCommand(
        Trucks: parse.GetValue(trucks),
        Seed: parse.GetValue(seed),
        Interval: parse.GetValue(interval)!,
        TimeScale: parse.GetValue(timeScale),
        Rate: parse.GetValue(rate),
        Duration: parse.GetValue(duration),
        Messages: parse.GetValue(messages),
        Plan: parse.GetValue(plan)?.FullName,
        Start: parse.GetValue(start),
        Faults: parse.GetValue(faults) ?? [],
        Devices: parse.GetValue(devices) ?? Environment.GetEnvironmentVariable("LOGISTICS_DEVICES_FILE"),
        Host: parse.GetValue(host) ?? Env("LOGISTICS_MQTT_HOST") ?? "127.0.0.1",
        Port: parse.GetValue(port)?.ToString(CultureInfo.InvariantCulture) ?? Env("LOGISTICS_MQTT_PORT") ?? "11883",
        Summary: parse.GetValue(summary)?.FullName,
        DryRun: parse.GetValue(dryRun));
    return await command.RunAsync(Console.Out, Console.Error, stop.Token);
});
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
