using System.CommandLine;

namespace Logistics.Cli.Commands;

/// <summary>`logistics plan`: a dispatcher's day from CSV files to a plan.</summary>
internal static class PlanCommand
{
    public static Command Create() => new("plan", "Plan a day's routes from stores, orders and fleet CSV files.");
}
