using ManifestLint.Model;

namespace ManifestLint.Rules.Input;

/// <summary>ML001: a file could not be parsed. Loading records the problem; the run goes on.</summary>
public sealed class ParseErrorRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML001", "parse-error", "input", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var problem in model.Problems.Where(p => p.Limit is null))
        {
            // JS that Node never runs (bundled front ends, JSX, tests) is not ours to judge.
            if (problem.FileKind == "JavaScript" && !model.NodeRunFiles.Contains(problem.Span.File)) continue;
            context.Report(problem.Span,
                $"{problem.FileKind} cannot be parsed: {problem.Message.TrimEnd('.')}. The other files are still linted, but rules cannot see this one; fix the syntax.",
                $"{problem.FileKind}");
        }
    }
}
