using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Kustomize's `namespace:` sets the namespace of every resource it lists (files, or
/// folders such as a base). When overlays disagree about a file, none is assumed.</summary>
internal static class KustomizeNamespaces
{
    public static Dictionary<string, string> Overrides(IEnumerable<Kustomization> kustomizations, IEnumerable<string> yamlFiles)
    {
        var files = yamlFiles.ToList();
        var candidates = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var k in kustomizations.Where(k => k.Namespace is not null))
        {
            foreach (var resource in k.Resources)
            {
                foreach (var file in files.Where(f => f == resource || f.StartsWith(resource + "/", StringComparison.Ordinal)))
                {
                    if (!candidates.TryGetValue(file, out var set)) candidates[file] = set = new HashSet<string>(StringComparer.Ordinal);
                    set.Add(k.Namespace!);
                }
            }
        }
        return candidates.Where(c => c.Value.Count == 1).ToDictionary(c => c.Key, c => c.Value.First(), StringComparer.Ordinal);
    }
}
