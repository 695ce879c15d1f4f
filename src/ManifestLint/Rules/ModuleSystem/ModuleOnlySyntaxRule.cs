using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>Shared by ML107/ML108: syntax valid only in ES modules, in a file Node runs as CommonJS.
/// Files with import/export are left to ML102 (one cause, one finding).</summary>
public abstract class ModuleOnlySyntaxRule : IRule
{
    public abstract RuleDescriptor Descriptor { get; }

    protected abstract SourceSpan? Use(JsModule module);

    protected abstract string What { get; }

    protected abstract string NodeError { get; }

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var judged in ModuleRuleSupport.NodeRunModules(model))
        {
            if (judged.Module.EsmSyntax is not null || Use(judged.Module) is not { } span) continue;
            var gate = ModuleRuleSupport.ModuleSyntaxInCjsGate(judged);
            if (gate == Gate.Passes) continue;
            var reason = gate != Gate.FailsOnOlderReleases
                ? ModuleRuleSupport.FormatReason(judged with { Format = ModuleFormat.CommonJs })
                : $"{judged.Module.FormatReason}; releases of {judged.Target.Describe()} before 20.19.0 / 22.7.0 run it as CommonJS";
            var fix = gate != Gate.FailsOnOlderReleases
                ? "Make the file an ES module (`\"type\": \"module\"` or `.mjs`), or rewrite it without this syntax."
                : ModuleRuleSupport.PinAdvice;
            context.Report(span, $"{What} in a file Node runs as CommonJS ({reason}); Node crashes at load with `{NodeError}`. {fix}",
                What, cap: ModuleRuleSupport.Cap(gate));
        }
    }
}
