using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML115: a `#name` specifier that the nearest package.json `imports` field does not define.</summary>
public sealed class PackageImportNotDefinedRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML115", "package-import-not-defined", "module-system", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var judged in ModuleRuleSupport.NodeRunModules(model))
        {
            foreach (var dependency in judged.Module.Dependencies.Where(d => d.Specifier.StartsWith('#') && !d.Guarded))
            {
                if (dependency.Kind is DependencyKind.Import or DependencyKind.Export && judged.Format != ModuleFormat.Esm) continue;
                if (model.NearestPackage(judged.Module.File) is not { } package) continue;
                if (package.Imports is { } keys && keys.Any(k => Matches(k, dependency.Specifier))) continue;
                var defined = package.Imports is { Count: > 0 } known ? $" (it defines {string.Join(", ", known.Order(StringComparer.Ordinal).Take(6).Select(k => $"`{k}`"))})" : " (it has no `imports` field)";
                context.Report(dependency.SpecifierSpan,
                    $"`'{dependency.Specifier}'` is not defined in the `imports` of {package.File}{defined}; Node fails with " +
                    $"`TypeError [ERR_PACKAGE_IMPORT_NOT_DEFINED]: Package import specifier \"{dependency.Specifier}\" is not defined in package /…/{package.File}`. " +
                    $"Add `\"{dependency.Specifier}\"` to `imports`, or fix the specifier.",
                    dependency.Specifier);
            }
        }
    }

    /// <summary>Exact keys, or one `*` pattern (`#lib/*`).</summary>
    private static bool Matches(string key, string specifier)
    {
        var star = key.IndexOf('*');
        return star < 0 ? key == specifier
            : specifier.Length >= key.Length - 1 && specifier.StartsWith(key[..star], StringComparison.Ordinal) && specifier.EndsWith(key[(star + 1)..], StringComparison.Ordinal);
    }
}
