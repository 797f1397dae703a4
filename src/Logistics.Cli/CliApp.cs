using System.CommandLine;
using System.CommandLine.Parsing;
using Logistics.Cli.Commands;

namespace Logistics.Cli;

/// <summary>The <c>logistics</c> command tree, runnable with any output writers so that tests see
/// exactly what a user would.</summary>
public static class CliApp
{
    /// <summary>Exit code of a command line that does not parse (unknown option, bad value, missing argument).</summary>
    public const int UsageExitCode = 1;

    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Delivery route planning: dispatcher plans, demand forecasts, solver benchmarks and the service's API keys.");
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(VrpCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(ForecastCommand.Create());
        return root;
    }

    /// <summary>Parses and runs a command line; returns the process exit code (0 on success).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var parse = CreateRootCommand().Parse(args);
        // Reported here rather than by the library, which adds help text to stdout: scripts read
        // stdout as the result (vrp solve's JSON), so a mistake must leave it empty.
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine(error.Message);
            stderr.WriteLine($"Usage: '{CommandPath(parse.CommandResult)} --help'.");
            return Task.FromResult(UsageExitCode);
        }
        return parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
            if (r is CommandResult command) names.Insert(0, command.Command is RootCommand ? "logistics" : command.Command.Name);
        return string.Join(' ', names);
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
}
