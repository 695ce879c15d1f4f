using ManifestLint.Loading;
using ManifestLint.Model;

namespace ManifestLint.Linking;

/// <summary>Which JS files are reachable from entries through relative imports and requires.
/// Nodes are every discovered JS file (a file that failed to parse is still a node, without edges).</summary>
internal sealed class ModuleGraph(IReadOnlySet<string> jsFiles, JsModuleStore modules)
{
    private static readonly string[] Suffixes = ["", ".js", ".mjs", ".cjs", "/index.js", "/index.mjs", "/index.cjs"];

    /// <summary>Breadth-first, one level at a time: the files of a level not parsed yet are parsed in parallel.</summary>
    public HashSet<string> Reachable(IEnumerable<string> entries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var level = entries.Where(seen.Add).ToList();
        while (level.Count > 0)
        {
            modules.ParseAll(level);
            var next = new List<string>();
            foreach (var file in level)
            {
                if (!modules.TryGetValue(file, out var module)) continue;
                foreach (var dep in module.Dependencies)
                {
                    if (!dep.Specifier.StartsWith("./", StringComparison.Ordinal) && !dep.Specifier.StartsWith("../", StringComparison.Ordinal)) continue;
                    if (Resolve(PathUtil.Join(PathUtil.DirOf(file), dep.Specifier)) is { } target && seen.Add(target)) next.Add(target);
                }
            }
            level = next;
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
