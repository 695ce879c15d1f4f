using ManifestLint.Model;

namespace ManifestLint.Rules.Input;

/// <summary>ML006: a Node app that runs in a container is (partly) TypeScript, which ManifestLint does not read.
/// Said once per linked package, so a clean run is not mistaken for a checked one.</summary>
public sealed class TypeScriptNotAnalysedRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML006", "typescript-not-analysed", "input", Level.Note);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var linked = model.Links.Select(l => l.Package).DistinctBy(p => p.File).ToList();
        if (linked.Count == 0) return;
        var perPackage = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var path in model.Files.Paths)
        {
            if (!IsTypeScript(path) || NodePackage.Nearest(model.Packages, path) is not { } package) continue;
            if (!perPackage.TryGetValue(package.File, out var files)) perPackage[package.File] = files = [];
            files.Add(path);
        }
        foreach (var package in linked.OrderBy(p => p.File, StringComparer.Ordinal))
        {
            if (!perPackage.TryGetValue(package.File, out var files)) continue;
            files.Sort(StringComparer.Ordinal);
            var count = files.Count == 1 ? "1 TypeScript file" : $"{files.Count} TypeScript files";
            context.Report(package.MainSpan ?? SourceSpan.At(package.File, 1, 1),
                $"This package, which runs in a container, has {count} (first: `{files[0]}`); ManifestLint reads JavaScript only, " +
                "so their imports, environment reads, routes and listen calls are not checked against the manifests. " +
                "Lint the compiled JavaScript too (build first, with the output folder not git-ignored), or turn ML006 off.",
                files[0]);
        }
    }

    /// <summary>.ts/.mts/.cts/.tsx sources; declaration files (.d.ts) hold no code.</summary>
    private static bool IsTypeScript(string path) =>
        (path.EndsWith(".ts", StringComparison.Ordinal) || path.EndsWith(".mts", StringComparison.Ordinal) ||
         path.EndsWith(".cts", StringComparison.Ordinal) || path.EndsWith(".tsx", StringComparison.Ordinal))
        && !path.EndsWith(".d.ts", StringComparison.Ordinal) && !path.EndsWith(".d.mts", StringComparison.Ordinal) && !path.EndsWith(".d.cts", StringComparison.Ordinal);
}
