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
        var options = new VrpOptions();
        var command = new Command("bench",
            "Solve every instance in a folder, check each solution independently and compare it with the folder's BKS table.");
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

        var solverOptions = options.SolverOptions(parse);
        var requested = options.DistanceConvention(parse);
        var tables = new Dictionary<DistanceConvention, BksTable?>();
        var rows = new List<VrpBenchRow>();
        var conventions = new HashSet<DistanceConvention>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < files.Length && !cancellationToken.IsCancellationRequested; i++)
        {
            var label = $"[{i + 1}/{files.Length}] {Path.GetFileNameWithoutExtension(files[i])}";
            rows.Add(RunOne(files[i], label, requested, solverOptions, tables, conventions, folder, stderr, total, cancellationToken));
        }

        WriteTable(stdout, rows, conventions, solverOptions.TimeLimit, solverOptions.Seed, solverOptions.Threads);
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
            return new VrpBenchRow(name, null, null, null, null, null, "error", e.Message);
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
            return new VrpBenchRow(name, bks?.Distance, null, null, null, null, "error", e.Message);
        }

        var feasible = run.Report.IsFeasible;
        double? gap = feasible && bks is not null ? (run.Distance - bks.Distance) / bks.Distance * 100 : null;
        var elapsed = total.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        progress.Finish(feasible
            ? $"{run.Distance.ToString(CultureInfo.InvariantCulture)} ({run.Report.Vehicles} vehicles)" +
              (gap is { } g ? $", gap {g.ToString("0.00", CultureInfo.InvariantCulture)}%" : "") + $"; {elapsed} s elapsed in all"
            : $"INFEASIBLE ({run.Report.Violations[0].Message}); {elapsed} s elapsed in all");
        return new VrpBenchRow(name, bks?.Distance, run.Distance, gap, run.Report.Vehicles, run.Seconds,
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
        TimeSpan timeLimit, int seed, int threads)
    {
        var terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = 120;

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

        var gaps = rows.Where(r => r.GapPercent is not null).Select(r => r.GapPercent!.Value).ToArray();
        var infeasible = rows.Count(r => r.Status == "NO");
        var failed = rows.Count(r => r.Status == "error");
        var withoutBks = rows.Count(r => r.Status == "yes" && r.Bks is null);
        var average = gaps.Length > 0 ? $"{gaps.Average().ToString("0.00", CultureInfo.InvariantCulture)}% over {gaps.Length} instances" : "n/a";
        console.WriteLine($"average gap: {average}; infeasible: {infeasible}; errors: {failed}; without BKS: {withoutBks}");
        console.WriteLine($"convention: {string.Join(", ", conventions.Select(VrpOptions.Name))}; time limit {timeLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; " +
                          $"seed {seed}; threads {threads}; {Environment.ProcessorCount} logical CPUs");
    }

    private static void WriteCsv(string path, IReadOnlyList<VrpBenchRow> rows)
    {
        using var writer = new StreamWriter(path);
        var csv = new CsvCellWriter(writer);
        csv.Texts(["instance", "bks", "found", "gap_pct", "vehicles", "seconds", "feasible"]).EndRow();
        foreach (var row in rows)
        {
            csv.Text(row.Instance).Number(row.Bks, "R").Number(row.Found, "R").Number(row.GapPercent, "0.0000").Number(row.Vehicles)
                .Number(row.Seconds, "0.000").Text(row.Status == "yes" ? "true" : row.Status == "NO" ? "false" : "error").EndRow();
        }
    }

    private static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
}
