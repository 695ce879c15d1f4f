using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Node's rule for which module system runs a file: the extension, else the nearest
/// package.json `type` (the search stops at a node_modules boundary). No syntax detection yet:
/// a typeless `.js` is CommonJS, as on Node versions before 20.19 / 22.7.</summary>
internal sealed class ModuleFormatResolver(IReadOnlyDictionary<string, NodePackage> packages)
{
    public (ModuleFormat Format, string Reason, NodePackage? Package) Resolve(string file)
    {
        if (file.EndsWith(".mjs", StringComparison.Ordinal)) return (ModuleFormat.Esm, "the `.mjs` extension makes it an ES module", null);
        if (file.EndsWith(".cjs", StringComparison.Ordinal)) return (ModuleFormat.CommonJs, "the `.cjs` extension makes it CommonJS", null);
        var package = Nearest(file);
        if (package is null) return (ModuleFormat.CommonJs, "no package.json sets `\"type\"`, so Node runs it as CommonJS", null);
        return package.Type switch
        {
            "module" => (ModuleFormat.Esm, $"{package.File} has `\"type\": \"module\"`", package),
            "commonjs" => (ModuleFormat.CommonJs, $"{package.File} has `\"type\": \"commonjs\"`", package),
            _ => (ModuleFormat.CommonJs, $"{package.File} has no `\"type\"` field, so Node runs `.js` files as CommonJS", package),
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
