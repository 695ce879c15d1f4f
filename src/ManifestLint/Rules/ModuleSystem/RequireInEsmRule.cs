using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML101: a CommonJS-only global in a file Node runs as an ES module (explicitly, or by
/// syntax detection on the app's Node version).</summary>
public sealed class RequireInEsmRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML101", "require-in-esm", "module-system", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var judged in ModuleRuleSupport.NodeRunModules(model))
        {
            if (judged.Format != ModuleFormat.Esm) continue;
            foreach (var use in judged.Module.CjsGlobalUses)
            {
                var more = use.Count > 1 ? $" ({use.Count - 1} more use{(use.Count > 2 ? "s" : "")} in this file)" : "";
                var error = use.Name == "require" && judged.Module is { Typeless: true, EsmSyntax: null, TopLevelAwait: not null }
                    && NodeFeatures.ReportsAmbiguousSyntax(judged.Target.Newest)
                    ? "ReferenceError: Cannot determine intended module format because both 'require' and top-level await are present"
                    : $"ReferenceError: {use.Name} is not defined in ES module scope";
                context.Report(use.Span,
                    $"`{use.Name}` is used in an ES module ({ModuleRuleSupport.FormatReason(judged)}){more}; Node crashes at load with " +
                    $"`{error}`. {Fix(use.Name)}",
                    use.Name);
            }
        }
    }

    private static string Fix(string name) => name switch
    {
        "require" => "Use `import` (or `createRequire(import.meta.url)`), or rename the file to `.cjs`.",
        "module" or "exports" => "Use `export` / `export default`, or rename the file to `.cjs`.",
        _ => "Use `import.meta.dirname` / `import.meta.filename` (Node 20.11+) or `fileURLToPath(import.meta.url)`.",
    };
}
