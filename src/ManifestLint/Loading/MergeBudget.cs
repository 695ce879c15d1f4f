using ManifestLint.Config;
using ManifestLint.Loading.Yaml;

namespace ManifestLint.Loading;

/// <summary>How many mappings one look-up may visit through YAML merge keys, and where that was first too few.
/// Ambient per thread (set while a file's objects are read) so that the many small navigation helpers need
/// no context parameter; outside a file's reading the default applies and nothing is recorded.</summary>
internal sealed class MergeBudget : IDisposable
{
    [ThreadStatic] private static MergeBudget? current;

    private readonly int max;
    private readonly MergeBudget? outer;

    private MergeBudget(int max, MergeBudget? outer) => (this.max, this.outer) = (max, outer);

    /// <summary>The mapping whose look-up first ran out of budget.</summary>
    public YamlNode? FirstHit { get; private set; }

    public static MergeBudget Enter(int max) => current = new MergeBudget(max, current);

    /// <summary>True while <paramref name="visited"/> mappings are within the budget; records the first refusal.</summary>
    public static bool Allows(int visited, YamlNode lookingUp)
    {
        var budget = current;
        var max = budget?.max ?? InputLimits.Default.MaxAliasMerges;
        if (visited < max) return true;
        if (budget is not null) budget.FirstHit ??= lookingUp;
        return false;
    }

    public void Dispose() => current = outer;
}
