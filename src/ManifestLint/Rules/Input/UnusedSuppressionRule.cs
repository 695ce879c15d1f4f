using ManifestLint.Model;

namespace ManifestLint.Rules.Input;

/// <summary>ML003: a suppression directive that suppresses nothing. It needs every other rule's findings, so the
/// suppression filter reports it after the rules have run (see <see cref="Filtering.SuppressionFilter"/>);
/// this class carries its identity and level like any rule.</summary>
public sealed class UnusedSuppressionRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML003", "unused-suppression", "input", Level.Note);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        // Reported by SuppressionFilter.Apply, which sees the final findings.
    }
}
