using BenchmarkDotNet.Running;
using Logistics.Benchmarks;

// `curve <day folder>`: the solver's cost curve on a dispatcher's day; `mqtt`: our MQTT client's
// receive rate against mosquitto_sub; `influx-write`: InfluxDB writes with and without gzip, by batch size and requests at once; `telemetry-alloc`: bytes allocated per message by each stage of the listener's hot path; `swapstar` / `decompose` / `penalties` / `focus` / `population` / `eliminate` / `construct`: the search with and without SWAP* / decomposition / size-scaled penalty updates / the focused local search / a population with crossover / route elimination when stalled / the construction that keeps windows, at equal iterations; anything else goes to BenchmarkDotNet (e.g. `--filter *MoveEvaluation*`).
if (args.Length > 0 && args[0] == "curve") return PlanningCurve.Run(args[1..]);
if (args.Length > 0 && SearchComparison.Settings.Contains(args[0])) return SearchComparison.Run(args[0], args[1..]);
if (args.Length > 0 && args[0] == "mqtt") return await MqttReceiveRun.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "telemetry-alloc") return await TelemetryAllocationRun.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "influx-write") return await InfluxWriteRun.RunAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
