using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML102: static import/export in a file Node runs as CommonJS. For a typeless `.js`, that
/// depends on the Node version: 20.19.0+ and 22.7.0+ detect the syntax and run it as ESM.</summary>
public sealed class ImportInCjsRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML102", "import-in-cjs", "module-system", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var judged in ModuleRuleSupport.NodeRunModules(model))
        {
            if (judged.Module.EsmSyntax is not { } esm) continue;
            var gate = ModuleRuleSupport.ModuleSyntaxInCjsGate(judged);
            if (gate == Gate.Passes) continue;
            var more = esm.Count > 1 ? $" ({esm.Count - 1} more import/export declaration{(esm.Count > 2 ? "s" : "")})" : "";
            var error = esm.Keyword == "import"
                ? "SyntaxError: Cannot use import statement outside a module"
                : "SyntaxError: Unexpected token 'export'";
            var reason = gate != Gate.FailsOnOlderReleases
                ? ModuleRuleSupport.FormatReason(judged with { Format = ModuleFormat.CommonJs })
                : $"{judged.Module.FormatReason}; {judged.Target.Describe()} detects ESM syntax, but releases of that tag before 20.19.0 / 22.7.0 do not";
            var fix = gate != Gate.FailsOnOlderReleases
                ? "Add `\"type\": \"module\"` to the package.json, rename the file to `.mjs`, or use `require`/`module.exports`."
                : ModuleRuleSupport.PinAdvice;
            context.Report(esm.Span,
                $"`{esm.Keyword}` declaration in a file Node runs as CommonJS ({reason}){more}; Node crashes at load with `{error}`. {fix}",
                esm.Keyword, cap: ModuleRuleSupport.Cap(gate));
        }
    }
}
