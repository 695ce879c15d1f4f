using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML109: package.json `type` other than "module" or "commonjs": Node ignores it.</summary>
public sealed class InvalidPackageTypeRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML109", "invalid-package-type", "module-system", Level.Warning);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var package in model.Packages.Values.OrderBy(p => p.File, StringComparer.Ordinal))
        {
            if (package.Type is null or "module" or "commonjs" || package.TypeSpan is not { } span) continue;
            context.Report(span,
                $"`\"type\": \"{package.Type}\"` is not a value Node knows; it is ignored, so `.js` files under {(package.Dir.Length == 0 ? "the project root" : package.Dir + "/")} run as CommonJS " +
                "(or by syntax detection on newer Node). Use `\"module\"` or `\"commonjs\"`.",
                package.Type);
        }
    }
}
