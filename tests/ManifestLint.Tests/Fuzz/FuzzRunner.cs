using System.Diagnostics;
using System.Text.Json;
using CsCheck;
using Xunit.Abstractions;

namespace ManifestLint.Tests.Fuzz;

/// <summary>Runs one property over a generator for <see cref="Seconds"/> seconds and checks, for every generated
/// repository written to a temp folder: no exception escapes the lint and none is swallowed into an internal
/// error (a rule crash in <c>InternalErrors</c>, or a JavaScript fact-extraction crash reported as a finding);
/// the exit code the CLI would give is 0 or 1, never 2; linting the folder a second time gives byte-identical
/// text, JSON and SARIF reports (none of them has a time or duration field); JSON and SARIF parse; and the case
/// ends within <see cref="CaseCap"/> (hang guard, not a speed target).</summary>
internal static class FuzzRunner
{
    /// <summary>Seconds per property: 6 by default (six properties stay within a minute on two cores),
    /// or <c>FUZZ_SECONDS</c>.</summary>
    public static int Seconds { get; } = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SECONDS"), out var s) && s >= 0 ? s : 6;

    /// <summary>CsCheck worker threads: 2 by default, or <c>FUZZ_THREADS</c>.</summary>
    public static int Threads { get; } = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_THREADS"), out var n) && n > 0 ? n : 2;

    /// <summary>When set, every failing case's files are copied under this folder (one subfolder per case).</summary>
    private static readonly string? DumpFolder = Environment.GetEnvironmentVariable("FUZZ_DUMP");

    public static readonly TimeSpan CaseCap = TimeSpan.FromSeconds(20);

    private static readonly string[] Formats = ["text", "json", "sarif"];

    public static void Run(string property, Gen<FuzzRepo> gen, ITestOutputHelper output)
    {
        long cases = 0, failures = 0;
        var clock = Stopwatch.StartNew();
        // Deleting a case's folder costs as much as linting it on some disks: it overlaps with the next case.
        var deletions = new System.Collections.Concurrent.ConcurrentBag<Task>();
        try
        {
            Property.Check(gen, repo =>
            {
                Interlocked.Increment(ref cases);
                var project = repo.Write();
                try
                {
                    Check(project);
                }
                catch
                {
                    Interlocked.Increment(ref failures);
                    if (DumpFolder is not null) repo.Dump(Path.Combine(DumpFolder, property, $"{repo.Files.Values.Sum(b => (long)b.Length):D9}-{Guid.NewGuid():N}"));
                    throw;
                }
                finally
                {
                    deletions.Add(Task.Run(project.Dispose));
                }
            }, seconds: Seconds, threads: Threads, print: repo => repo.Print(1000));
        }
        finally
        {
            // Failures include the smaller failing cases CsCheck finds while shrinking.
            output.WriteLine($"{property}: {cases:N0} cases, {failures:N0} failures in {clock.Elapsed.TotalSeconds:0.0} s ({Threads} threads)");
            Task.WaitAll([.. deletions]);
        }
    }

    /// <summary>The properties, for one repository written to <paramref name="project"/>.</summary>
    public static void Check(TestProject project)
    {
        var clock = Stopwatch.StartNew();
        var first = Lint(project);
        var second = Lint(project);
        foreach (var format in Formats)
        {
            var a = Hostile.Report(first, format);
            var b = Hostile.Report(second, format);
            if (a != b) Assert.Fail($"the {format} report differs between two runs on the same files:\n{FirstDifference(a, b)}");
            if (format != "text") JsonDocument.Parse(a).Dispose();
        }
        Assert.True(clock.Elapsed < CaseCap, $"the case took {clock.Elapsed.TotalSeconds:0.0} s (cap {CaseCap.TotalSeconds:0} s)");
    }

    private static LintResult Lint(TestProject project)
    {
        var result = Bounded(project.Lint);
        if (result.Model.InternalErrors.Count > 0) Assert.Fail("internal errors: " + string.Join(" | ", result.Model.InternalErrors));
        var swallowed = result.Findings.FirstOrDefault(f => f.Message.Contains("internal error", StringComparison.Ordinal));
        if (swallowed is not null) Assert.Fail($"a crash reported as a finding: {swallowed.RuleId} {swallowed.Span.File}:{swallowed.Span.StartLine}:{swallowed.Span.StartColumn} {swallowed.Message}");
        Assert.InRange(Hostile.ExitCode(result), 0, 1);
        return result;
    }

    /// <summary>Runs <paramref name="lint"/> on a thread of its own, given up on (and failed) at <see cref="CaseCap"/>.
    /// Not <see cref="Hostile.Bounded{T}"/>: its Task.Run, waited on from CsCheck's pool threads, would starve the pool.</summary>
    private static LintResult Bounded(Func<LintResult> lint)
    {
        LintResult? result = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? error = null;
        var thread = new Thread(() =>
        {
            try { result = lint(); }
            catch (Exception ex) { error = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex); }
        }) { IsBackground = true, Name = "fuzz lint" };
        thread.Start();
        if (!thread.Join(CaseCap)) Assert.Fail($"the lint did not finish within {CaseCap.TotalSeconds:0} s");
        error?.Throw();
        return result!;
    }

    private static string FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        var from = Math.Max(0, a.LastIndexOf('\n', Math.Max(0, Math.Min(i, a.Length - 1))) + 1);
        string Around(string s) => s.Substring(Math.Min(from, s.Length), Math.Min(400, Math.Max(0, s.Length - from)));
        return $"first run, from offset {from}:\n{Around(a)}\nsecond run:\n{Around(b)}";
    }
}
