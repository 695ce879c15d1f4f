using ManifestLint.Model;

namespace ManifestLint.Linking;

/// <summary>Which loaded JS files are reachable from an entry through relative imports and requires.</summary>
internal static class ModuleGraph
{
    private static readonly string[] Suffixes = ["", ".js", ".mjs", ".cjs", "/index.js", "/index.mjs", "/index.cjs"];

    public static HashSet<string> Reachable(IEnumerable<string> entries, IReadOnlyDictionary<string, JsModule> modules)
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
                if (ResolveFile(PathUtil.Join(PathUtil.DirOf(file), dep.Specifier), modules) is { } target) pending.Push(target);
            }
        }
        seen.IntersectWith(modules.Keys);
        return seen;
    }

    /// <summary>Lenient resolution (CommonJS-style extension and index search) of a project path to a loaded module.</summary>
    public static string? ResolveFile(string path, IReadOnlyDictionary<string, JsModule> modules)
    {
        foreach (var suffix in Suffixes)
        {
            var candidate = path + suffix;
            if (modules.ContainsKey(candidate)) return candidate;
        }
        return null;
    }
}
