using System.CommandLine;

namespace Logistics.Cli.Commands;

/// <summary>`logistics vrp solve|bench`: the solver on public benchmark instances.</summary>
internal static class VrpCommand
{
    public static Command Create()
    {
        var vrp = new Command("vrp", "Solve public VRP benchmark instances (Solomon, Homberger, CVRPLIB).");
        vrp.Subcommands.Add(VrpSolveCommand.Create());
        vrp.Subcommands.Add(VrpBenchCommand.Create());
        return vrp;
    }
}
