using ManifestLint.Linking;
using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>Shared by ML103-ML105: relative specifiers resolved the way Node does: exactly for
/// `import`/`export`/`import()`, with CommonJS's extension and index search for `require`.</summary>
public abstract class RelativeImportRule : IRule
{
    public abstract RuleDescriptor Descriptor { get; }

    protected abstract ResolutionKind Kind { get; }

    protected abstract string Message(JsModule module, ModuleDependency dependency, Resolution resolution, bool esm);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var (judged, dependency, resolution, esm) in Failures(model))
        {
            if (resolution.Kind != Kind) continue;
            context.Report(dependency.SpecifierSpan, Message(judged.Module, dependency, resolution, esm), dependency.Specifier);
        }
    }

    private sealed record Failure(ModuleRuleSupport.Judged Judged, ModuleDependency Dependency, Resolution Resolution, bool Esm);

    /// <summary>Every relative load Node would fail to resolve, resolved once for the three rules that report them.</summary>
    private static IReadOnlyList<Failure> Failures(ProjectModel model) => model.Memo(nameof(RelativeImportRule), null, () =>
    {
        var failures = new List<Failure>();
        foreach (var judged in ModuleRuleSupport.NodeRunModules(model))
        {
            // A guarded load (`try { require(...) }`, `import().catch`) handles its own failure.
            foreach (var dependency in judged.Module.Dependencies)
            {
                if (!dependency.IsRelative || dependency.Guarded) continue;
                // Static import/export in a CommonJS file never get resolved: ML102 reports the crash.
                if (dependency.Kind is DependencyKind.Import or DependencyKind.Export && judged.Format != ModuleFormat.Esm) continue;
                // `require` in an ES module comes from createRequire(base): the base may not be this file.
                if (dependency.Kind == DependencyKind.Require && judged.Format == ModuleFormat.Esm) continue;
                var esm = dependency.Kind != DependencyKind.Require;
                var resolution = RelativeResolver.Resolve(model.Files, judged.Module.File, dependency.Specifier, esm);
                if (resolution.Kind is not (ResolutionKind.Found or ResolutionKind.Unknown))
                {
                    failures.Add(new Failure(judged, dependency, resolution, esm));
                }
            }
        }
        return failures;
    });
}
