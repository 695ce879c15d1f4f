using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Path look-ups for kustomize resources (a file, or a folder's files).</summary>
internal static class KustomizePaths
{
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
