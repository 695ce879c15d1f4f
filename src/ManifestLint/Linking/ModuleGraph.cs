using ManifestLint.Model;

namespace ManifestLint.Linking;

/// <summary>Which JS files are reachable from entries through relative imports and requires.
/// Nodes are every discovered JS file (a file that failed to parse is still a node, without edges).</summary>
internal sealed class ModuleGraph(IReadOnlySet<string> jsFiles, IReadOnlyDictionary<string, JsModule> modules)
{
    private static readonly string[] Suffixes = ["", ".js", ".mjs", ".cjs", "/index.js", "/index.mjs", "/index.cjs"];

    public HashSet<string> Reachable(IEnumerable<string> entries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(entries);
        while (pending.Count > 0)
        {
            var file = pending.Pop();
            if (!seen.Add(file) || !modules.TryGetValue(file, out var module)) continue;
            foreach (var dep in module.Dependencies)
            {
                if (!dep.Specifier.StartsWith("./", StringComparison.Ordinal) && !dep.Specifier.StartsWith("../", StringComparison.Ordinal)) continue;
                if (Resolve(PathUtil.Join(PathUtil.DirOf(file), dep.Specifier)) is { } target) pending.Push(target);
            }
        }
        return seen;
    }

    /// <summary>Lenient resolution (CommonJS-style extension and index search) of a project path to a JS file.</summary>
    public string? Resolve(string path)
    {
        foreach (var suffix in Suffixes)
        {
            var candidate = path + suffix;
            if (jsFiles.Contains(candidate)) return candidate;
        }
        return null;
    }
}
