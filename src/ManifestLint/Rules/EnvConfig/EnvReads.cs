using ManifestLint.Model;

namespace ManifestLint.Rules.EnvConfig;

/// <summary>The env reads of an app (files reachable from its entry), grouped by variable.</summary>
internal static class EnvReads
{
    public static ILookup<string, EnvRead> All(ProjectModel model, IReadOnlySet<string> files) =>
        files.Order(StringComparer.Ordinal)
            .SelectMany(f => model.Modules.TryGetValue(f, out var m) ? m.EnvReads : [])
            .ToLookup(r => r.Name, StringComparer.Ordinal);

    /// <summary>Variables read as required values and never defaulted or tested anywhere in the app.</summary>
    public static IEnumerable<(string Name, EnvRead FirstRead)> Required(ILookup<string, EnvRead> reads) =>
        reads.Where(g => g.All(r => r.Kind == EnvReadKind.Required)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.First()));

    /// <summary>Names one edit or one dropped word apart (`MONGO_URI` / `MONGODB_URI`, `JWT_SECRET` / `JWT_SECRETS`).</summary>
    public static bool LooksLike(string a, string b)
    {
        if (a == b) return false;
        static string Squash(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        var (x, y) = (Squash(a), Squash(b));
        return x == y || EditDistance.Between(x, y) <= (Math.Min(x.Length, y.Length) >= 8 ? 2 : 1);
    }
}
