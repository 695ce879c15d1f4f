using ManifestLint.Model;

namespace ManifestLint.Rules;

/// <summary>Identity of a rule. Title, help and tags live in rules/&lt;Id&gt;.md (see <see cref="RuleDocs"/>).
/// `EnabledByDefault` false: an opt-in rule (advice too common to show unasked), enabled under `rules:`.</summary>
public sealed record RuleDescriptor(string Id, string Name, string Family, Level DefaultLevel, bool EnabledByDefault = true);

/// <summary>A rule is a pure function of the model: it reads indexes and reports findings.</summary>
public interface IRule
{
    RuleDescriptor Descriptor { get; }

    void Analyze(ProjectModel model, RuleContext context);
}

/// <summary>Collects a rule's findings at the rule's effective level.</summary>
public sealed class RuleContext(RuleDescriptor rule, Level level, List<Finding> sink)
{
    /// <param name="cap">Report at most at this level (e.g. a warning for older releases of a moving tag).</param>
    public void Report(SourceSpan span, string message, string key, string? obj = null, Level? cap = null) =>
        sink.Add(new Finding(rule.Id, rule.Name, rule.Family, cap is { } c && c < level ? c : level, message, span, obj, key));
}
