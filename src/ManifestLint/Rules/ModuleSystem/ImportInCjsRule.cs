using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML102: static import/export in a file Node runs as CommonJS.</summary>
public sealed class ImportInCjsRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML102", "import-in-cjs", "module-system", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var file in model.NodeRunFiles)
        {
            if (!model.Modules.TryGetValue(file, out var module) || module.Format != ModuleFormat.CommonJs || module.EsmSyntax is not { } esm) continue;
            var more = esm.Count > 1 ? $" ({esm.Count - 1} more import/export declaration{(esm.Count > 2 ? "s" : "")})" : "";
            var error = esm.Keyword == "import"
                ? "SyntaxError: Cannot use import statement outside a module"
                : "SyntaxError: Unexpected token 'export'";
            context.Report(esm.Span,
                $"`{esm.Keyword}` declaration in a file Node runs as CommonJS ({module.FormatReason}){more}; Node crashes at load with " +
                $"`{error}`. Add `\"type\": \"module\"` to the package.json, rename the file to `.mjs`, or use `require`/`module.exports`.",
                esm.Keyword);
        }
    }
}
