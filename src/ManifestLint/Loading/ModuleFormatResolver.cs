using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Node's rule for which module system runs a file: the extension, else the nearest
/// package.json `type`. A typeless `.js` is CommonJS here; whether Node detects its ESM syntax depends
/// on the Node version and is decided per target by <see cref="JsModule.FormatOn"/>.</summary>
internal sealed class ModuleFormatResolver(IReadOnlyDictionary<string, NodePackage> packages)
{
    /// <summary>The format fixed by extension or `type`, and whether the file is typeless (may be detected as ESM).</summary>
    public (ModuleFormat Format, string Reason, NodePackage? Package, bool Typeless) Resolve(string file)
    {
        if (file.EndsWith(".mjs", StringComparison.Ordinal)) return (ModuleFormat.Esm, "the `.mjs` extension makes it an ES module", null, false);
        if (file.EndsWith(".cjs", StringComparison.Ordinal)) return (ModuleFormat.CommonJs, "the `.cjs` extension makes it CommonJS", null, false);
        var package = NodePackage.Nearest(packages, file);
        if (package is null) return (ModuleFormat.CommonJs, "no package.json sets `\"type\"`", null, true);
        return package.Type switch
        {
            "module" => (ModuleFormat.Esm, $"{package.File} has `\"type\": \"module\"`", package, false),
            "commonjs" => (ModuleFormat.CommonJs, $"{package.File} has `\"type\": \"commonjs\"`", package, false),
            null => (ModuleFormat.CommonJs, $"{package.File} has no `\"type\"` field", package, true),
            var other => (ModuleFormat.CommonJs, $"{package.File} has `\"type\": \"{other}\"`, which Node ignores", package, true),
        };
    }
}
