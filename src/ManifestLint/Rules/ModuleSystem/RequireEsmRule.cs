using ManifestLint.Linking;
using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML110: `require()` of an ES module from CommonJS. It fails before Node 20.19.0 / 22.12.0
/// (`ERR_REQUIRE_ESM`), and on every version when the module uses top-level await.</summary>
public sealed class RequireEsmRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML110", "require-esm", "module-system", Level.Error);

    /// <summary>`require('pkg')` of a package present under node_modules whose require entry is an ES module.</summary>
    private static void ReportVendored(ProjectModel model, RuleContext context, ModuleRuleSupport.Judged judged, ModuleDependency dependency)
    {
        if (Loading.NodeModulesReader.PackageName(dependency.Specifier) is not { } name || model.FindVendored(judged.Module.File, name) is not { } package) return;
        var subpath = dependency.Specifier.Length == name.Length ? "." : "." + dependency.Specifier[name.Length..];
        var (exported, target) = PackageExports.Resolve(package, subpath, PackageExports.RequireConditions);
        if (!exported || target is null || PackageExports.FormatOf(package, target) != ModuleFormat.Esm) return;
        var gate = NodeFeatures.Check(judged.Target, v => !NodeFeatures.RequiresEsm(v));
        Report(context, judged, dependency, gate, $"{target}, an ES module ({package.PackageJson})",
            "Use `await import()`, an older CommonJS release of the package, or a newer Node.");
    }

    /// <summary>ERR_REQUIRE_ESM, worded for the gate: an error on the target, or a warning for older releases / an assumed version.</summary>
    private static void Report(RuleContext context, ModuleRuleSupport.Judged judged, ModuleDependency dependency, Gate gate, string what, string fix)
    {
        if (gate == Gate.Passes) return;
        var on = gate != Gate.FailsOnOlderReleases
            ? $"on {judged.Target.Describe()}, which cannot require ES modules (require(esm) arrived in 20.19.0 and 22.12.0)"
            : $"on releases of {judged.Target.Describe()} before 20.19.0 / 22.12.0";
        context.Report(dependency.SpecifierSpan,
            $"`require('{dependency.Specifier}')` loads {what}; {on} Node fails with `Error [ERR_REQUIRE_ESM]: require() of ES Module … not supported`. " +
            (gate != Gate.FailsOnOlderReleases ? fix : ModuleRuleSupport.PinAdvice),
            dependency.Specifier, cap: ModuleRuleSupport.Cap(gate));
    }

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var judged in ModuleRuleSupport.NodeRunModules(model))
        {
            if (judged.Format != ModuleFormat.CommonJs) continue;
            foreach (var dependency in judged.Module.Dependencies.Where(d => !d.IsRelative && d.Kind == DependencyKind.Require && !d.Guarded))
            {
                ReportVendored(model, context, judged, dependency);
            }
            foreach (var dependency in judged.Module.Dependencies.Where(d => d.IsRelative && d.Kind == DependencyKind.Require && !d.Guarded))
            {
                var resolved = RelativeResolver.Resolve(model.Files, judged.Module.File, dependency.Specifier, esm: false);
                if (resolved.Path is not { } path || !model.Modules.TryGetValue(path, out var target)) continue;
                if (target.TopLevelAwait is not null && target.FormatOn(judged.Target.Newest) == ModuleFormat.Esm)
                {
                    context.Report(dependency.SpecifierSpan,
                        $"`require('{dependency.Specifier}')` loads {path}, an ES module with top-level await ({target.TopLevelAwait.Value}); every Node version fails with " +
                        "`Error [ERR_REQUIRE_ASYNC_MODULE]: require() cannot be used on an ESM graph with top-level await`. Use `await import()` instead.",
                        dependency.Specifier);
                    continue;
                }
                var gate = NodeFeatures.Check(judged.Target, v => target.FormatOn(v) == ModuleFormat.Esm && !NodeFeatures.RequiresEsm(v));
                Report(context, judged, dependency, gate, $"{path}, an ES module",
                    "Use `await import()`, make the required file CommonJS, or run a newer Node.");
            }
        }
    }
}
