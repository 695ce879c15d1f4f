using ManifestLint.Model;

namespace ManifestLint.Rules.Input;

/// <summary>ML005: input was left out (whole or in part) because it hit one of the configurable input limits.
/// The run is complete for everything else; this says what is missing and which limit to raise.</summary>
public sealed class InputLimitReachedRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML005", "input-limit-reached", "input", Level.Warning);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var problem in model.Problems.Where(p => p.Limit is not null))
        {
            // JS that Node never runs (bundled front ends, tests) is not ours to judge, limits or not.
            if (problem.FileKind == "JavaScript" && !model.NodeRunFiles.Contains(problem.Span.File)) continue;
            context.Report(problem.Span,
                $"{problem.Message.TrimEnd('.')}; rules cannot see what was left out. This is ManifestLint's `{problem.Limit}` limit: " +
                $"if the input is legitimate, raise `limits.{problem.Limit}` in .manifestlint.yaml.",
                problem.Limit!);
        }
    }
}
