using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML111: an ES `import` of a JSON file without `with { type: 'json' }`: every Node version refuses it.</summary>
public sealed class JsonImportAttributeRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML111", "json-import-attribute", "module-system", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var judged in ModuleRuleSupport.NodeRunModules(model))
        {
            if (judged.Format != ModuleFormat.Esm) continue;
            foreach (var dependency in judged.Module.Dependencies)
            {
                if (dependency.Kind != DependencyKind.Import || !dependency.IsRelative || dependency.TypeAttribute == "json") continue;
                if (!dependency.Specifier.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) continue;
                var error = judged.Target.Newest.Major >= 22
                    ? $"TypeError [ERR_IMPORT_ATTRIBUTE_MISSING]: Module \"…/{Path.GetFileName(dependency.Specifier)}\" needs an import attribute of \"type: json\""
                    : $"TypeError [ERR_IMPORT_ASSERTION_TYPE_MISSING]: Module \"…/{Path.GetFileName(dependency.Specifier)}\" needs an import attribute of type \"json\"";
                context.Report(dependency.SpecifierSpan,
                    $"`import … from '{dependency.Specifier}'` loads JSON without `with {{ type: 'json' }}`; {judged.Target.Describe()} fails with `{error}`. " +
                    "Add `with { type: 'json' }` (Node 18.20+/20.10+), or read the file with `fs`.",
                    dependency.Specifier);
            }
        }
    }
}
