using System.Diagnostics;
using CsCheck;

namespace ManifestLint.Tests.Fuzz;

/// <summary>Runs a property over generated cases. By default the cases are fixed: case i comes from a PCG seeded with i.
/// A test with a case count checks exactly the same cases on every run, so a test run (and CI on a clean clone) never
/// fails on a case nobody has seen before, and a threshold over the cases (say, how many the subset parser accepts)
/// always sees the same cases. A test with a time budget (the fuzz properties) checks cases 0, 1, 2, ... for as long
/// as the budget lasts: a slower machine checks fewer of the same cases, a faster one a few more. The first failing
/// case is handed to CsCheck with its seed, which shrinks it and reports the smallest failure it finds with
/// `Set seed: "…"`.
///
/// To explore new cases: <c>PROPERTY_SEED=random</c>, and CsCheck samples at random as usual (more cases with the
/// iteration or time settings of each test, e.g. <c>SUBSET_YAML_ITERATIONS</c> or <c>FUZZ_SECONDS</c>).
/// <c>CsCheck_Seed=…</c> replays one seed; it implies the random mode, whose first case is that seed.</summary>
internal static class Property
{
    private const uint Stream = 0x4D4C; // "ML": any fixed stream would do

    public static bool Random { get; } =
        string.Equals(Environment.GetEnvironmentVariable("PROPERTY_SEED"), "random", StringComparison.OrdinalIgnoreCase)
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CsCheck_Seed"));

    /// <summary>Checks <paramref name="assert"/> on <paramref name="iter"/> cases, or, when <paramref name="seconds"/>
    /// is not negative, on as many cases as fit in that time (the same first cases on every run; a faster machine
    /// checks more of them). <paramref name="threads"/>: -1 for one per core, as CsCheck does. <paramref name="shrinkSeconds"/>: the
    /// time CsCheck gets to shrink a failure found in the fixed cases.</summary>
    public static void Check<T>(Gen<T> gen, Action<T> assert, long iter = 100, int seconds = -1, int threads = -1, Func<T, string>? print = null, int shrinkSeconds = 10)
    {
        if (Random)
        {
            gen.Sample(assert, iter: iter, time: seconds, threads: threads, print: print);
            return;
        }
        var failure = FirstFailure(gen, assert, iter, seconds, threads);
        if (failure is null) return;
        // Shrinking starts from the failing seed: CsCheck runs it first, so it throws with at least that case.
        gen.Sample(assert, seed: failure.Value.Seed, time: shrinkSeconds, threads: threads, print: print);
        throw new InvalidOperationException($"fixed case {failure.Value.Index} (seed {failure.Value.Seed}) failed, then passed when CsCheck re-ran it: the property is not deterministic", failure.Value.Error);
    }

    private static (long Index, string Seed, Exception Error)? FirstFailure<T>(Gen<T> gen, Action<T> assert, long iter, int seconds, int threads)
    {
        var clock = Stopwatch.StartNew();
        var deadline = seconds < 0 ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
        long next = -1;
        (long Index, string Seed, Exception Error)? first = null;
        var gate = new object();
        void Worker()
        {
            while (true)
            {
                // The clock first: an index once taken is always checked, so the cases checked are 0, 1, 2, ... with no gap.
                if (seconds >= 0 && clock.Elapsed >= deadline) return;
                var i = Interlocked.Increment(ref next);
                if (seconds < 0 && i >= iter) return;
                lock (gate)
                    if (first is not null && first.Value.Index < i) return;
                var pcg = new PCG(Stream, (ulong)i);
                var seed = pcg.ToString(pcg.State);
                try
                {
                    assert(gen.Generate(pcg, null!, out _));
                }
                catch (Exception ex)
                {
                    lock (gate)
                        if (first is null || i < first.Value.Index) first = (i, seed, ex);
                }
            }
        }
        var workers = Enumerable.Range(0, (threads < 1 ? Environment.ProcessorCount : threads) - 1).Select(_ => Task.Factory.StartNew(Worker, TaskCreationOptions.LongRunning)).ToList();
        Worker();
        Task.WaitAll([.. workers]);
        return first;
    }
}
