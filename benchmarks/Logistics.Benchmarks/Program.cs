using BenchmarkDotNet.Running;
using Logistics.Benchmarks;

// `curve <day folder>`: the solver's cost curve on a dispatcher's day; `mqtt`: our MQTT client's
// receive rate against mosquitto_sub; `swapstar`: the search with and without SWAP*; anything else goes to BenchmarkDotNet (e.g. `--filter *MoveEvaluation*`).
if (args.Length > 0 && args[0] == "curve") return PlanningCurve.Run(args[1..]);
if (args.Length > 0 && args[0] == "swapstar") return SwapStarComparison.Run(args[1..]);
if (args.Length > 0 && args[0] == "mqtt") return await MqttReceiveRun.RunAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
