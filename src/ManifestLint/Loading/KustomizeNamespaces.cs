using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Kustomize's `namespace:` sets the namespace of every resource it lists (files, or
/// folders such as a base). When overlays disagree about a file, none is assumed.</summary>
internal static class KustomizeNamespaces
{
    public static Dictionary<string, string> Overrides(IEnumerable<Kustomization> kustomizations, IEnumerable<string> yamlFiles)
    {
        // Sorted paths: a folder's files are one contiguous range, found by binary search.
        var files = yamlFiles.Order(StringComparer.Ordinal).ToArray();
        var candidates = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var k in kustomizations.Where(k => k.Namespace is not null))
        {
            foreach (var resource in k.Resources)
            {
                foreach (var file in Under(files, resource))
                {
                    if (!candidates.TryGetValue(file, out var set)) candidates[file] = set = new HashSet<string>(StringComparer.Ordinal);
                    set.Add(k.Namespace!);
                }
            }
        }
        return candidates.Where(c => c.Value.Count == 1).ToDictionary(c => c.Key, c => c.Value.First(), StringComparer.Ordinal);
    }

    /// <summary>The files a resource entry (file or folder) covers, in a sorted path array.</summary>
    internal static IEnumerable<string> Under(string[] sorted, string resource)
    {
        var index = Array.BinarySearch(sorted, resource, StringComparer.Ordinal);
        if (index >= 0) yield return sorted[index];
        var prefix = resource + "/";
        var start = Array.BinarySearch(sorted, prefix, StringComparer.Ordinal);
        for (var i = start >= 0 ? start : ~start; i < sorted.Length && sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return sorted[i];
        }
    }
}
