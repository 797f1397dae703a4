using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Logistics.Core.Csv;
using Logistics.Routing.Instances;
using Spectre.Console;

namespace Logistics.Cli.Commands;

/// <summary>`logistics vrp bench &lt;folder&gt;`: every instance of a benchmark folder against its BKS table.</summary>
internal static class VrpBenchCommand
{
    public static Command Create()
    {
        var folderArgument = new Argument<string>("folder")
        {
            Description = "A folder of .txt (Solomon/Homberger) or .vrp (CVRPLIB) instances with its bks*.csv tables.",
        };
        var csvOption = new Option<string?>("--csv") { Description = "Also write the table to this CSV file." };
        var options = new VrpOptions(allowBothEngines: true);
        var command = new Command("bench",
            "Solve every instance in a folder, check each solution independently and compare it with the folder's BKS table; " +
            "--engine both solves each instance with both engines under the same limit and compares them.");
        command.Arguments.Add(folderArgument);
        options.AddTo(command);
        command.Options.Add(csvOption);
        command.SetAction((parse, cancellationToken) =>
            Task.FromResult(Run(parse, parse.GetValue(folderArgument)!, parse.GetValue(csvOption), options, cancellationToken)));
        return command;
    }

    private static int Run(ParseResult parse, string folder, string? csvPath, VrpOptions options, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        if (!Directory.Exists(folder))
        {
            stderr.WriteLine($"logistics vrp bench: folder '{folder}' does not exist");
            return VrpSolveCommand.ErrorExitCode;
        }
        var files = Directory.GetFiles(folder).Where(BenchmarkInstance.IsInstanceFile).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            stderr.WriteLine($"logistics vrp bench: folder '{folder}' holds no .txt or .vrp instance");
            return VrpSolveCommand.ErrorExitCode;
        }

        if (options.SolverOptions(parse, out var optionError) is not { } settings)
        {
            stderr.WriteLine($"logistics vrp bench: {optionError}");
            return VrpSolveCommand.ErrorExitCode;
        }
        var requested = options.DistanceConvention(parse);
        var tables = new Dictionary<DistanceConvention, BksTable?>();
        var rows = new List<VrpBenchRow>();
        var conventions = new HashSet<DistanceConvention>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < files.Length && !cancellationToken.IsCancellationRequested; i++)
        {
            foreach (var solverOptions in settings)
            {
                var label = $"[{i + 1}/{files.Length}] {Path.GetFileNameWithoutExtension(files[i])} ({solverOptions.Engine})";
                rows.Add(RunOne(files[i], label, requested, solverOptions, tables, conventions, folder, stderr, total, cancellationToken));
            }
        }

        if (settings.Count == 1) WriteTable(stdout, rows, conventions, settings[0]);
        else WriteComparison(stdout, rows, conventions, settings);
        if (csvPath is not null)
        {
            try
            {
                WriteCsv(csvPath, rows);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"logistics vrp bench: cannot write '{csvPath}': {e.Message}");
                return VrpSolveCommand.ErrorExitCode;
            }
        }
        return rows.Any(r => r.Status == "error") ? VrpSolveCommand.ErrorExitCode : 0;
    }

    private static VrpBenchRow RunOne(string file, string label, DistanceConvention? requested, Routing.Solver.SolverOptions solverOptions,
        Dictionary<DistanceConvention, BksTable?> tables, HashSet<DistanceConvention> conventions, string folder, TextWriter stderr,
        Stopwatch total, CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        BenchmarkInstance instance;
        try
        {
            instance = BenchmarkInstance.Load(file, requested);
        }
        catch (InstanceFormatException e)
        {
            stderr.WriteLine($"{label}: {e.Message}");
            return new VrpBenchRow(name, solverOptions.Engine, null, null, null, null, null, "error", e.Message);
        }
        conventions.Add(instance.Convention);
        if (!tables.TryGetValue(instance.Convention, out var table))
            tables[instance.Convention] = table = LoadTable(folder, instance.Convention, stderr);
        var bks = table?.Find(name) ?? table?.Find(instance.Name);
        if (bks is null && table?.Entries.FirstOrDefault(e => e.Instance.Equals(name, StringComparison.OrdinalIgnoreCase)) is { IsSuspect: true })
            stderr.WriteLine($"{label}: the BKS row in {Path.GetFileName(table.File)} is flagged SUSPECT; no gap is computed");

        var progress = new SolverProgressWriter(stderr, label, instance);
        progress.Start(solverOptions.TimeLimit);
        VrpRunResult run;
        try
        {
            run = VrpRunner.Run(instance, solverOptions, progress, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            progress.Finish($"the solver failed: {e.Message}");
            return new VrpBenchRow(name, solverOptions.Engine, bks?.Distance, null, null, null, null, "error", e.Message);
        }

        var feasible = run.Report.IsFeasible;
        double? gap = feasible && bks is not null ? (run.Distance - bks.Distance) / bks.Distance * 100 : null;
        var elapsed = total.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        progress.Finish(feasible
            ? $"{run.Distance.ToString(CultureInfo.InvariantCulture)} ({run.Report.Vehicles} vehicles)" +
              (gap is { } g ? $", gap {g.ToString("0.00", CultureInfo.InvariantCulture)}%" : "") + $"; {elapsed} s elapsed in all"
            : $"INFEASIBLE ({run.Report.Violations[0].Message}); {elapsed} s elapsed in all");
        return new VrpBenchRow(name, solverOptions.Engine, bks?.Distance, run.Distance, gap, run.Report.Vehicles, run.Seconds,
            feasible ? "yes" : "NO", feasible ? null : run.Report.Violations[0].Message);
    }

    /// <summary>The table a folder gives for a convention: the distance-only tables for Solomon and
    /// Homberger (DIMACS or real), bks.csv for CVRPLIB (TSPLIB rounding). The hierarchical bks.csv of
    /// the VRPTW folders is never used: it minimises vehicles first, so it is no distance-only target.</summary>
    private static BksTable? LoadTable(string folder, DistanceConvention convention, TextWriter stderr)
    {
        var fileName = convention switch
        {
            DistanceConvention.Dimacs => "bks_distance_only.csv",
            DistanceConvention.Real => "bks_distance_only_realdist.csv",
            _ => "bks.csv",
        };
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            stderr.WriteLine($"note: {folder} has no {fileName}, so no BKS or gap under the {VrpOptions.Name(convention)} convention");
            return null;
        }
        try
        {
            return BksTable.Read(path);
        }
        catch (InstanceFormatException e)
        {
            stderr.WriteLine($"note: BKS table ignored: {e.Message}");
            return null;
        }
    }

    private static void WriteTable(TextWriter stdout, IReadOnlyList<VrpBenchRow> rows, IReadOnlySet<DistanceConvention> conventions,
        Routing.Solver.SolverOptions settings)
    {
        var console = Console(stdout);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("instance");
        foreach (var column in new[] { "BKS", "found", "gap %", "vehicles", "seconds" })
            table.AddColumn(new TableColumn(column).RightAligned());
        table.AddColumn("feasible");
        foreach (var row in rows)
            table.AddRow(Markup.Escape(row.Instance), Number(row.Bks, "0.####"), Number(row.Found, "0.####"),
                Number(row.GapPercent, "0.00"), row.Vehicles?.ToString(CultureInfo.InvariantCulture) ?? "-",
                Number(row.Seconds, "0.0"), row.Status == "yes" ? "yes" : $"[red]{row.Status}[/]");
        console.Write(table);

        console.WriteLine($"average gap: {Summary(rows)}");
        console.WriteLine(Footer(conventions, [settings]));
    }

    /// <summary>Both engines side by side: each one's distance and gap per instance, the ratio of their distances,
    /// and each one's average gap over the instances where both have one, so that the averages compare.</summary>
    private static void WriteComparison(TextWriter stdout, IReadOnlyList<VrpBenchRow> rows, IReadOnlySet<DistanceConvention> conventions,
        IReadOnlyList<Routing.Solver.SolverOptions> settings)
    {
        var console = Console(stdout);
        var engines = settings.Select(s => s.Engine).ToArray();
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("instance");
        table.AddColumn(new TableColumn("BKS").RightAligned());
        foreach (var engine in engines)
            foreach (var column in new[] { "found", "gap %", "veh.", "feasible" })
                table.AddColumn(new TableColumn($"{engine} {column}").RightAligned());
        table.AddColumn(new TableColumn($"{engines[1]}/{engines[0]}").RightAligned());
        var byInstance = rows.GroupBy(r => r.Instance).ToArray();
        foreach (var instance in byInstance)
        {
            var cells = new List<string> { Markup.Escape(instance.Key), Number(instance.First().Bks, "0.####") };
            var found = new List<double?>();
            foreach (var engine in engines)
            {
                var row = instance.FirstOrDefault(r => r.Engine == engine);
                found.Add(row?.Status == "yes" ? row.Found : null);
                cells.Add(Number(row?.Found, "0.####"));
                cells.Add(Number(row?.GapPercent, "0.00"));
                cells.Add(row?.Vehicles?.ToString(CultureInfo.InvariantCulture) ?? "-");
                cells.Add(row?.Status == "yes" ? "yes" : $"[red]{row?.Status ?? "-"}[/]");
            }
            cells.Add(found[0] is > 0 && found[1] is { } other ? (other / found[0]!.Value).ToString("0.000", CultureInfo.InvariantCulture) : "-");
            table.AddRow(cells.ToArray());
        }
        console.Write(table);

        var both = byInstance.Where(g => engines.All(e => g.Any(r => r.Engine == e && r.GapPercent is not null))).Select(g => g.Key).ToHashSet();
        var averages = new List<double>();
        foreach (var engine in engines)
        {
            var own = rows.Where(r => r.Engine == engine).ToList();
            var common = own.Where(r => both.Contains(r.Instance)).Select(r => r.GapPercent!.Value).ToArray();
            if (common.Length > 0) averages.Add(common.Average());
            console.WriteLine($"average gap {engine}: {Summary(own)}" +
                              (common.Length > 0 ? $"; over the {common.Length} instances both solved: {common.Average().ToString("0.00", CultureInfo.InvariantCulture)}%" : ""));
        }
        if (averages.Count == 2)
            console.WriteLine($"ratio of average gaps {engines[1]}/{engines[0]}: " +
                              (averages[0] > 0 ? (averages[1] / averages[0]).ToString("0.00", CultureInfo.InvariantCulture) : $"n/a ({engines[0]} gap is 0)"));
        console.WriteLine(Footer(conventions, settings));
    }

    private static IAnsiConsole Console(TextWriter stdout)
    {
        var terminal = ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = 160;
        return console;
    }

    private static string Summary(IReadOnlyList<VrpBenchRow> rows)
    {
        var gaps = rows.Where(r => r.GapPercent is not null).Select(r => r.GapPercent!.Value).ToArray();
        var infeasible = rows.Count(r => r.Status == "NO");
        var failed = rows.Count(r => r.Status == "error");
        var withoutBks = rows.Count(r => r.Status == "yes" && r.Bks is null);
        var average = gaps.Length > 0 ? $"{gaps.Average().ToString("0.00", CultureInfo.InvariantCulture)}% over {gaps.Length} instances" : "n/a";
        return $"{average}; infeasible: {infeasible}; errors: {failed}; without BKS: {withoutBks}";
    }

    private static string Footer(IReadOnlySet<DistanceConvention> conventions, IReadOnlyList<Routing.Solver.SolverOptions> settings)
    {
        var s = settings[0];
        var engines = string.Join(" and ", settings.Select(o => o.Engine == Routing.Engines.RoutingEngines.OrTools
            ? $"ortools ({Routing.Engines.OrTools.OrToolsSettings.Kebab(o.OrTools.FirstSolution)}, {Routing.Engines.OrTools.OrToolsSettings.Kebab(o.OrTools.Metaheuristic)})"
            : $"ils (seed {o.Seed}, threads {o.Threads})"));
        return $"convention: {string.Join(", ", conventions.Select(VrpOptions.Name))}; time limit {s.TimeLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s" +
               $"{(settings.Count > 1 ? " per engine" : "")}; engine {engines}; {Environment.ProcessorCount} logical CPUs";
    }

    private static void WriteCsv(string path, IReadOnlyList<VrpBenchRow> rows)
    {
        using var writer = new StreamWriter(path);
        var csv = new CsvCellWriter(writer);
        csv.Texts(["instance", "bks", "found", "gap_pct", "vehicles", "seconds", "feasible", "engine"]).EndRow();
        foreach (var row in rows)
        {
            csv.Text(row.Instance).Number(row.Bks, "R").Number(row.Found, "R").Number(row.GapPercent, "0.0000").Number(row.Vehicles)
                .Number(row.Seconds, "0.000").Text(row.Status == "yes" ? "true" : row.Status == "NO" ? "false" : "error").Text(row.Engine).EndRow();
        }
    }

    private static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
}
