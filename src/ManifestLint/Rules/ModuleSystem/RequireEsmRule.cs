using ManifestLint.Linking;
using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML110: `require()` of an ES module from CommonJS. It fails before Node 20.19.0 / 22.12.0
/// (`ERR_REQUIRE_ESM`), and on every version when the module uses top-level await.</summary>
public sealed class RequireEsmRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML110", "require-esm", "module-system", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var judged in ModuleRuleSupport.NodeRunModules(model))
        {
            if (judged.Format != ModuleFormat.CommonJs) continue;
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
                if (gate == Gate.Passes) continue;
                var on = gate == Gate.Fails
                    ? $"on {judged.Target.Describe()}, which cannot require ES modules (require(esm) arrived in 20.19.0 and 22.12.0)"
                    : $"on releases of {judged.Target.Describe()} before 20.19.0 / 22.12.0";
                context.Report(dependency.SpecifierSpan,
                    $"`require('{dependency.Specifier}')` loads {path}, an ES module; {on} Node fails with " +
                    "`Error [ERR_REQUIRE_ESM]: require() of ES Module … not supported`. " +
                    (gate == Gate.Fails ? "Use `await import()`, make the required file CommonJS, or run a newer Node." : ModuleRuleSupport.PinAdvice),
                    dependency.Specifier, cap: gate == Gate.FailsOnOlderReleases ? Level.Warning : null);
            }
        }
    }
}
