using System.CommandLine;
using System.Text;
using System.Text.Json;
using Logistics.Routing.Instances;

namespace Logistics.Cli.Commands;

/// <summary>`logistics vrp solve &lt;instance&gt;`: one instance, one JSON object on stdout.</summary>
internal static class VrpSolveCommand
{
    /// <summary>A solution came back but the checker refused it; the JSON is still printed.</summary>
    public const int InfeasibleExitCode = 3;

    /// <summary>The instance could not be read, an option is wrong, or the solver failed or refused the instance.</summary>
    public const int ErrorExitCode = 2;

    public static Command Create()
    {
        var instanceArgument = new Argument<string>("instance")
        {
            Description = "A Solomon/Homberger .txt or CVRPLIB .vrp file.",
        };
        var options = new VrpOptions();
        var command = new Command("solve",
            "Solve one benchmark instance and print {instance, engine, convention, vehicles, distance, seconds, feasible, routes, violations} " +
            "as JSON; progress goes to stderr.");
        command.Arguments.Add(instanceArgument);
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(instanceArgument)!;
            BenchmarkInstance instance;
            try
            {
                instance = BenchmarkInstance.Load(path, options.DistanceConvention(parse));
            }
            catch (InstanceFormatException e)
            {
                stderr.WriteLine($"logistics vrp solve: {e.Message}");
                return Task.FromResult(ErrorExitCode);
            }

            if (options.SolverOptions(parse, out var optionError) is not [var solverOptions])
            {
                stderr.WriteLine($"logistics vrp solve: {optionError}");
                return Task.FromResult(ErrorExitCode);
            }
            var progress = new SolverProgressWriter(stderr, $"{instance.Name} ({solverOptions.Engine})", instance);
            progress.Start(solverOptions.TimeLimit);
            VrpRunResult run;
            try
            {
                run = VrpRunner.Run(instance, solverOptions, progress, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                progress.Finish("failed");
                stderr.WriteLine($"logistics vrp solve: the solver failed on {path}: {e.Message}");
                return Task.FromResult(ErrorExitCode);
            }
            progress.Finish(run.Report.IsFeasible
                ? $"distance {run.Distance} with {run.Report.Vehicles} vehicles in {run.Seconds:0.0} s"
                : $"INFEASIBLE: {run.Report.Violations.Count} violations, first: {run.Report.Violations[0].Message}");

            stdout.WriteLine(ToJson(run));
            stdout.Flush();
            return Task.FromResult(run.Report.IsFeasible ? 0 : InfeasibleExitCode);
        });
        return command;
    }

    /// <summary>The result object: routes as customer numbers of the instance file (Solomon CUST NO.,
    /// CVRPLIB node id), distance as recomputed by the independent checker.</summary>
    public static string ToJson(VrpRunResult run)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("instance", run.Instance.Name);
            json.WriteString("engine", run.Engine);
            json.WriteString("convention", VrpOptions.Name(run.Report.Convention));
            json.WriteNumber("vehicles", run.Report.Vehicles);
            json.WriteNumber("distance", run.Distance);
            json.WriteNumber("seconds", Math.Round(run.Seconds, 3));
            json.WriteBoolean("feasible", run.Report.IsFeasible);
            json.WriteStartArray("routes");
            foreach (var route in run.Routes)
            {
                json.WriteStartArray();
                foreach (var customer in route) json.WriteNumberValue(customer);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray("violations");
            foreach (var violation in run.Report.Violations) json.WriteStringValue(violation.Message);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
