using CsCheck;
using ManifestLint.Tests.Fuzz;

namespace ManifestLint.Tests;

/// <summary>The property runner: fixed cases unless asked for random ones, and a failure is reported, shrunk.</summary>
public class PropertyTests
{
    private static readonly Gen<int[]> Arrays = Gen.Int[0, 1000].Array[0, 8];

    private static List<string> Cases(int threads)
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        Property.Check(Arrays, a => seen.Add(string.Join(",", a)), iter: 200, threads: threads);
        return [.. seen.Order(StringComparer.Ordinal)];
    }

    [SkippableFact]
    public void The_cases_are_the_same_on_every_run_whatever_the_threads()
    {
        Skip.If(Property.Random, "PROPERTY_SEED=random or CsCheck_Seed is set: cases are random on purpose");
        var first = Cases(1);
        Assert.Equal(200, first.Count);
        Assert.True(first.Distinct().Count() > 150, "the cases barely differ");
        Assert.Equal(first, Cases(1));
        Assert.Equal(first, Cases(3));
    }

    [Fact]
    public void A_failing_case_is_reported_shrunk_with_its_seed()
    {
        var error = Assert.Throws<CsCheckException>(() =>
            Property.Check(Arrays, a => Assert.True(a.Length < 3 || a.Sum() < 1500), iter: 500, threads: 1, shrinkSeconds: 1));
        Assert.Contains("Set seed:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_budget_checks_cases_until_it_runs_out()
    {
        var count = 0;
        Property.Check(Arrays, _ => Interlocked.Increment(ref count), seconds: 1, threads: 2);
        Assert.True(count > 100, $"only {count} cases in a second");
    }
}
