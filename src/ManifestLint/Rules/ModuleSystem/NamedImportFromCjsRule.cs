using ManifestLint.Linking;
using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML112: `import { name }` from a CommonJS file whose exports Node cannot see statically
/// (`module.exports = someFunction`). Conservative: any named-export assignment, object literal or
/// re-export in the file means no finding.</summary>
public sealed class NamedImportFromCjsRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML112", "named-import-from-cjs", "module-system", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var judged in ModuleRuleSupport.NodeRunModules(model))
        {
            if (judged.Format != ModuleFormat.Esm) continue;
            foreach (var dependency in judged.Module.Dependencies)
            {
                if (dependency.Kind != DependencyKind.Import || !dependency.IsRelative || dependency.NamedImports.Count == 0) continue;
                var resolved = RelativeResolver.Resolve(model.Files, judged.Module.File, dependency.Specifier, esm: true);
                if (resolved.Path is not { } path || !model.Modules.TryGetValue(path, out var target)) continue;
                if (target.FormatOn(judged.Target.Newest) != ModuleFormat.CommonJs || target.ExportShape != CjsExportShape.Opaque) continue;
                var name = dependency.NamedImports[0];
                context.Report(dependency.SpecifierSpan,
                    $"`import {{ {string.Join(", ", dependency.NamedImports)} }}` from {path}, a CommonJS module that assigns `module.exports` a single value, so Node sees no named exports; " +
                    $"it crashes at load with `SyntaxError: Named export '{name}' not found. The requested module '{dependency.Specifier}' is a CommonJS module, which may not support all module.exports as named exports.` " +
                    $"Import the default and destructure it: `import pkg from '{dependency.Specifier}'; const {{ {name} }} = pkg;`.",
                    dependency.Specifier);
            }
        }
    }
}
