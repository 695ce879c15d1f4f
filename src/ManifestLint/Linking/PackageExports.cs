using System.Text.Json;
using ManifestLint.Model;

namespace ManifestLint.Linking;

/// <summary>Node's package entry resolution for a vendored package: `exports` (subpaths, `*` patterns,
/// nested conditions, fallback arrays) or, without it, `main` / any subpath.</summary>
public static class PackageExports
{
    /// <summary>The package file a subpath (`.` or `./sub`) resolves to for the given conditions;
    /// null when `exports` does not expose it.</summary>
    public static (bool Exported, string? Target) Resolve(VendoredPackage package, string subpath, IReadOnlyList<string> conditions)
    {
        if (package.Exports is not { } exports || exports.ValueKind == JsonValueKind.Null)
        {
            var file = subpath == "." ? package.Main ?? "index.js" : subpath;
            return (true, PathUtil.Join(package.Dir, file));
        }
        JsonElement? entry = null;
        string? wildcard = null;
        if (exports.ValueKind == JsonValueKind.Object && exports.EnumerateObject().Any(p => p.Name.StartsWith('.')))
        {
            var bestPrefix = -1;
            foreach (var property in exports.EnumerateObject())
            {
                if (property.Name == subpath) { entry = property.Value; wildcard = null; break; }
                var star = property.Name.IndexOf('*');
                // Node's pattern match: longest prefix wins; prefix and suffix must not overlap.
                if (star >= 0 && subpath.Length >= property.Name.Length && star > bestPrefix
                    && subpath.StartsWith(property.Name[..star], StringComparison.Ordinal)
                    && subpath.EndsWith(property.Name[(star + 1)..], StringComparison.Ordinal))
                {
                    bestPrefix = star;
                    entry = property.Value;
                    wildcard = subpath[star..(subpath.Length - (property.Name.Length - star - 1))];
                }
            }
        }
        else if (subpath == ".")
        {
            entry = exports; // sugar: "exports": "./x.js" or { "import": ..., "require": ... }
        }
        if (entry is null) return (false, null);
        var target = Target(entry.Value, conditions, 0);
        if (target is null) return (false, null);
        if (wildcard is not null) target = target.Replace("*", wildcard, StringComparison.Ordinal);
        return (true, PathUtil.Join(package.Dir, target));
    }

    private static string? Target(JsonElement element, IReadOnlyList<string> conditions, int depth)
    {
        if (depth > 16) return null;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (Target(item, conditions, depth + 1) is { } found) return found;
                }
                return null;
            case JsonValueKind.Object:
                // Conditions match in object order: the first key that applies wins.
                foreach (var property in element.EnumerateObject())
                {
                    if (conditions.Contains(property.Name) && Target(property.Value, conditions, depth + 1) is { } found) return found;
                }
                return null;
            default:
                return null;
        }
    }

    // `module-sync` is left out: older releases ignore it, and with it a newer release only gains.
    public static readonly string[] RequireConditions = ["node", "require", "default"];
    public static readonly string[] ImportConditions = ["node", "import", "default"];

    /// <summary>How Node runs a package file: by extension, else the nearest package.json `type` inside the package.</summary>
    public static ModuleFormat FormatOf(VendoredPackage package, string target)
    {
        if (target.EndsWith(".mjs", StringComparison.Ordinal)) return ModuleFormat.Esm;
        if (target.EndsWith(".cjs", StringComparison.Ordinal)) return ModuleFormat.CommonJs;
        var type = package.Type;
        for (var dir = PathUtil.DirOf(target); dir.Length > package.Dir.Length; dir = PathUtil.DirOf(dir))
        {
            if (package.NestedTypes.TryGetValue(dir, out var nested)) { type = nested; break; }
        }
        return type == "module" ? ModuleFormat.Esm : ModuleFormat.CommonJs;
    }
}
