using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Node's rule for which module system runs a file: the extension, else the nearest
/// package.json `type` (the search stops at a node_modules boundary). No syntax detection yet:
/// a typeless `.js` is CommonJS, as on Node versions before 20.19 / 22.7.</summary>
internal sealed class ModuleFormatResolver(IReadOnlyDictionary<string, NodePackage> packages)
{
    public (ModuleFormat Format, string Reason, NodePackage? Package) Resolve(string file) => ResolveWithType(file) is var r ? (r.Format, r.Reason, r.Package) : default;

    /// <summary>Also says whether the file is typeless (`.js` with no `"type"`), which Node may detect as ESM.</summary>
    public (ModuleFormat Format, string Reason, NodePackage? Package, bool Typeless) ResolveWithType(string file)
    {
        if (file.EndsWith(".mjs", StringComparison.Ordinal)) return (ModuleFormat.Esm, "the `.mjs` extension makes it an ES module", null, false);
        if (file.EndsWith(".cjs", StringComparison.Ordinal)) return (ModuleFormat.CommonJs, "the `.cjs` extension makes it CommonJS", null, false);
        var package = Nearest(file);
        if (package is null) return (ModuleFormat.CommonJs, "no package.json sets `\"type\"`", null, true);
        return package.Type switch
        {
            "module" => (ModuleFormat.Esm, $"{package.File} has `\"type\": \"module\"`", package, false),
            "commonjs" => (ModuleFormat.CommonJs, $"{package.File} has `\"type\": \"commonjs\"`", package, false),
            null => (ModuleFormat.CommonJs, $"{package.File} has no `\"type\"` field", package, true),
            var other => (ModuleFormat.CommonJs, $"{package.File} has `\"type\": \"{other}\"`, which Node ignores", package, true),
        };
    }

    public NodePackage? Nearest(string file)
    {
        var dir = file;
        while (true)
        {
            var slash = dir.LastIndexOf('/');
            dir = slash < 0 ? "" : dir[..slash];
            if (packages.TryGetValue(dir, out var package)) return package;
            if (dir.Length == 0 || dir.EndsWith("node_modules", StringComparison.Ordinal)) return null;
        }
    }
}
