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
            // An unreadable file is no syntax problem: say what the operating system said.
            var message = problem.FileKind == "file"
                ? $"This file {problem.Message.TrimEnd('.')}. The other files are still linted, but rules cannot see this one; check its permissions, or ignore it."
                : $"{problem.FileKind} cannot be parsed: {problem.Message.TrimEnd('.')}. The other files are still linted, but rules cannot see this one; fix the syntax.";
            context.Report(problem.Span, message, $"{problem.FileKind}");
        }
    }
}
