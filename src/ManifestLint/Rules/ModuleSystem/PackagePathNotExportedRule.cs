using ManifestLint.Linking;
using ManifestLint.Loading;
using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML113: importing or requiring a package path its `exports` does not expose (for that kind of
/// load). Only for packages present under node_modules; a missing package is the install step's business.</summary>
public sealed class PackagePathNotExportedRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML113", "package-path-not-exported", "module-system", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var judged in ModuleRuleSupport.NodeRunModules(model))
        {
            foreach (var dependency in judged.Module.Dependencies.Where(d => !d.IsRelative && !d.Guarded))
            {
                if (dependency.Kind is DependencyKind.Import or DependencyKind.Export && judged.Format != ModuleFormat.Esm) continue;
                if (NodeModulesReader.PackageName(dependency.Specifier) is not { } name || model.FindVendored(judged.Module.File, name) is not { } package) continue;
                var subpath = dependency.Specifier.Length == name.Length ? "." : "." + dependency.Specifier[name.Length..];
                var byRequire = dependency.Kind == DependencyKind.Require;
                var (exported, _) = PackageExports.Resolve(package, subpath, byRequire ? PackageExports.RequireConditions : PackageExports.ImportConditions);
                if (exported) continue;
                var error = subpath == "."
                    ? $"Error [ERR_PACKAGE_PATH_NOT_EXPORTED]: No \"exports\" main defined in /…/{package.PackageJson}"
                    : $"Error [ERR_PACKAGE_PATH_NOT_EXPORTED]: Package subpath '{subpath}' is not defined by \"exports\" in /…/{package.PackageJson}";
                var how = byRequire ? "`require()`" : "`import`";
                context.Report(dependency.SpecifierSpan,
                    $"`'{dependency.Specifier}'`: {package.PackageJson} `exports` does not expose `{subpath}` to {how}; Node fails with `{error}`. " +
                    $"Use a path the package exports{(byRequire ? ", or load it with `import()`" : "")}.",
                    dependency.Specifier);
            }
        }
    }
}
