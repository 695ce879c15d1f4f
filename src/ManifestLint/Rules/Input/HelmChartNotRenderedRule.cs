using System.Text.RegularExpressions;
using ManifestLint.Model;

namespace ManifestLint.Rules.Input;

/// <summary>ML004: a Helm chart's templates are only YAML after rendering, so they are not linted. Said once per
/// chart, at its Chart.yaml, with the way to lint it: pipe `helm template` into `manifestlint -`.</summary>
public sealed partial class HelmChartNotRenderedRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML004", "helm-chart-not-rendered", "input", Level.Note);

    [GeneratedRegex(@"^name:\s*(?<name>\S+)", RegexOptions.Multiline)]
    private static partial Regex ChartName();

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var skipped in model.Skipped.Where(s => s.Reason.StartsWith("Helm chart templates", StringComparison.Ordinal)))
        {
            var chartDir = Linking.PathUtil.DirOf(skipped.RelativePath);
            var chartFile = Linking.PathUtil.Join(chartDir, "Chart.yaml");
            if (!model.Sources.TryGetKept(chartFile, out var text)) continue;
            var match = ChartName().Match(text);
            var line = match.Success ? 1 + text.AsSpan(0, match.Index).Count('\n') : 1;
            var name = match.Success ? match.Groups["name"].Value.Trim('"', '\'') : Linking.PathUtil.LastSegment(chartDir);
            var folder = chartDir.Length == 0 ? "." : chartDir;
            context.Report(new SourceSpan(chartFile, line, 1, line, match.Success ? match.Length + 1 : 1),
                $"Helm chart `{name}` is not linted: its templates are YAML only after rendering. Lint what it deploys with " +
                $"`helm template {name} {folder} | manifestlint - --stdin-filename {folder}/rendered.yaml` (add `-f values.yaml` as you deploy it).",
                name);
        }
    }
}
