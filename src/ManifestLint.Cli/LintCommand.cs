using ManifestLint.Config;
using ManifestLint.Model;
using ManifestLint.Reporting;

namespace ManifestLint.Cli;

internal sealed record LintOptions(string[] Paths, string Format, string? Output, string FailOn, string Color, LintSettings Settings, bool ReportSuppressed = false, bool Quiet = false, bool Stats = false);

/// <summary>Runs the linter, writes the report, and maps the result to an exit code.</summary>
internal static class LintCommand
{
    public static int Execute(LintOptions options, TextWriter stdout, TextWriter stderr)
    {
        LintResult result;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            result = options.Paths is ["-"]
                ? Linter.LintStdin(ReadStdin(), options.Settings)
                : Linter.Lint(options.Paths, options.Settings);
            if (options.Quiet) result = result with { Findings = result.Findings.Where(f => f.Level == Level.Error).ToList() };
        }
        catch (ConfigException ex)
        {
            stderr.WriteLine($"manifestlint: configuration error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"manifestlint: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"manifestlint: {ex.Message}");
            return ExitCodes.Usage;
        }

        var beforeReport = clock.Elapsed;
        try
        {
            var reporter = Reporters.Create(options.Format, UseColor(options), options.ReportSuppressed);
            if (options.Output is null)
            {
                reporter.Write(result, stdout);
                stdout.Flush(); // stdout may be buffered (Program.cs): the report phase includes writing it out
            }
            else
            {
                WriteAtomically(options.Output, writer => reporter.Write(result, writer));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"manifestlint: cannot write {options.Output}: {ex.Message}");
            return ExitCodes.Usage;
        }

        foreach (var skipped in result.Skipped)
        {
            stderr.WriteLine($"manifestlint: skipped {skipped.RelativePath}: {skipped.Reason}");
        }
        if (options.Stats) WriteStats(result, clock.Elapsed - beforeReport, stderr);
        stderr.WriteLine(Summary(result, clock.Elapsed));
        foreach (var error in result.Model.InternalErrors) stderr.WriteLine($"manifestlint: internal error: {error}");
        if (result.Model.InternalErrors.Count > 0) return ExitCodes.Usage;
        return Fails(result, options.FailOn) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    /// <summary>`--stats`: where the time went, and how much was read.</summary>
    private static void WriteStats(LintResult result, TimeSpan report, TextWriter stderr)
    {
        var m = result.Model;
        var phases = m.Stats.Append(("report", report)).Select(p => $"{p.Item1} {p.Item2.TotalMilliseconds:0} ms");
        stderr.WriteLine($"manifestlint: stats: {string.Join(", ", phases)}");
        var slowest = m.RuleTimes.OrderByDescending(r => r.Time).Take(5).Select(r => $"{r.Rule} {r.Time.TotalMilliseconds:0} ms");
        stderr.WriteLine($"manifestlint: stats: slowest rules: {string.Join(", ", slowest)}");
        stderr.WriteLine($"manifestlint: stats: {m.Sources.Count} files read ({m.Sources.TotalChars / 1024} KiB), {m.Objects.Count} objects, " +
            $"{m.Packages.Count} packages, {m.Modules.FileCount} JS files: {m.Modules.ParsedCount} parsed ({m.NodeRunFiles.Count} run by Node), " +
            $"{m.Modules.FileCount - m.Modules.ParsedCount} not parsed (no Node entry reaches them), {m.Images.Count} Dockerfiles, {m.Links.Count} links, " +
            $"{result.Findings.Count} findings, {result.Suppressed.Count} suppressed, {m.Skipped.Count} skipped");
        var gc = GC.GetGCMemoryInfo();
        stderr.WriteLine($"manifestlint: stats: memory: {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MiB allocated, heap {gc.HeapSizeBytes / (1024 * 1024)} MiB after the last GC, " +
            $"peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen0/1/2), " +
            $"GC pauses {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC)");
    }

    private static bool Fails(LintResult result, string failOn)
    {
        if (failOn == "none" || !LevelNames.TryParse(failOn, out var threshold)) return false;
        return result.Findings.Any(f => f.Level >= threshold);
    }

    private static string Summary(LintResult result, TimeSpan elapsed)
    {
        var suppressed = result.Suppressed.Count == 0 ? "" : $" ({result.Suppressed.Count} suppressed)";
        return Counts(result).TrimEnd('.') + suppressed + $" [{elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}s]";
    }

    private static string Counts(LintResult result)
    {
        var files = result.FilesInScope;
        var filesText = $"{files} file{(files == 1 ? "" : "s")}";
        if (files == 0) return "manifestlint: warning: no files were linted (nothing matched, or everything was ignored or skipped).";
        if (result.Findings.Count == 0) return $"manifestlint: no problems in {filesText}.";
        var parts = new[] { Level.Error, Level.Warning, Level.Note }
            .Select(l => (Level: l, Count: result.Findings.Count(f => f.Level == l)))
            .Where(p => p.Count > 0)
            .Select(p => $"{p.Count} {p.Level.ToName()}{(p.Count == 1 ? "" : "s")}");
        return $"manifestlint: {result.Findings.Count} problem{(result.Findings.Count == 1 ? "" : "s")} ({string.Join(", ", parts)}) in {filesText}.";
    }

    /// <summary>`--color` wins; then NO_COLOR (off) and FORCE_COLOR (on, unless "0"); else a terminal on stdout.</summary>
    private static bool UseColor(LintOptions options) => options.Color switch
    {
        "always" => true,
        "never" => false,
        _ when !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) => false,
        _ when Environment.GetEnvironmentVariable("FORCE_COLOR") is { Length: > 0 } force && force != "0" => options.Output is null,
        _ => options.Output is null && !Console.IsOutputRedirected,
    };

    private static byte[] ReadStdin()
    {
        using var stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Write to a temporary file beside the target, then move it into place.</summary>
    internal static void WriteAtomically(string path, Action<TextWriter> write)
    {
        var full = Path.GetFullPath(path);
        // Said up front, in the user's terms: otherwise the error would name the temporary file.
        if (Directory.Exists(full)) throw new IOException($"{path} is a folder; give a file name");
        // A device (`/dev/null`, `/dev/stdout`) is written in place: replacing it with a regular file (the atomic
        // rename) would break it for every other process, and there is nothing half-written to protect there.
        if (File.Exists(full) && IsDevice(full))
        {
            using var device = new StreamWriter(new FileStream(full, FileMode.Open, FileAccess.Write), new System.Text.UTF8Encoding(false));
            write(device);
            return;
        }
        if (!Directory.Exists(Path.GetDirectoryName(full))) throw new IOException($"the folder {Path.GetDirectoryName(path)} does not exist");
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temp, append: false, new System.Text.UTF8Encoding(false)))
            {
                write(writer);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>`/dev/null`, `/dev/stdout` and other device paths (after following links). .NET does not expose the
    /// file type, and these are where a report goes when it is not a file.</summary>
    private static bool IsDevice(string path)
    {
        var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        return target.StartsWith("/dev/", StringComparison.Ordinal) || target.StartsWith("/proc/", StringComparison.Ordinal);
    }
}
