using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML114: `import … assert { type: 'json' }`. Node 22 removed import assertions: the
/// module fails to parse. Before 22 it works (and `with` works from 18.20 / 20.10).</summary>
public sealed class ImportAssertionRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML114", "import-assertion", "module-system", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var judged in ModuleRuleSupport.NodeRunModules(model))
        {
            if (judged.Module.ImportAssertions.Count == 0) continue;
            var gate = NodeFeatures.Check(judged.Target, v => v.Major >= 22);
            if (gate == Gate.Passes) continue;
            var span = judged.Module.ImportAssertions[0];
            var more = judged.Module.ImportAssertions.Count > 1 ? $" ({judged.Module.ImportAssertions.Count - 1} more in this file)" : "";
            context.Report(span,
                $"Import assertion `assert {{ … }}`{more}: {judged.Target.Describe()} removed import assertions, so the file fails to parse with " +
                "`SyntaxError: Unexpected identifier 'assert'`. Write `with { type: 'json' }` (import attributes, Node 18.20+ / 20.10+).",
                "assert", cap: ModuleRuleSupport.Cap(gate));
        }
    }
}
