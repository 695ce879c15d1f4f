using ManifestLint.Model;
using ManifestLint.Rules;
using ManifestLint.Rules.Input;

namespace ManifestLint.Filtering;

/// <summary>Applies inline and annotation suppressions to a run's findings, and reports directives that
/// suppressed nothing (ML003), so stale ones do not pile up.</summary>
public static class SuppressionFilter
{
    public static (List<Finding> Kept, List<SuppressedFinding> Suppressed) Apply(ProjectModel model, IReadOnlyList<Finding> findings, Level? unusedLevel)
    {
        var directives = SuppressionDirectives.InComments(model).Concat(SuppressionDirectives.InAnnotations(model)).ToList();
        if (directives.Count == 0) return (findings.ToList(), []);
        var used = new HashSet<SuppressionDirective>(ReferenceEqualityComparer.Instance);
        var kept = new List<Finding>();
        var suppressed = new List<SuppressedFinding>();
        foreach (var finding in findings)
        {
            var directive = directives.FirstOrDefault(d => d.Covers(finding.RuleId) && Applies(d, finding));
            if (directive is null) { kept.Add(finding); continue; }
            used.Add(directive);
            suppressed.Add(new SuppressedFinding(finding, new Suppression(directive.Kind == "annotation" ? "annotation" : "comment", directive.Justification, directive.Span)));
        }
        if (unusedLevel is { } level)
        {
            var rule = new UnusedSuppressionRule().Descriptor;
            foreach (var d in directives.Where(d => !used.Contains(d)))
            {
                var what = d.RuleIds.Count == 0 ? "any rule" : string.Join(", ", d.RuleIds.Order(StringComparer.Ordinal));
                var unknown = d.RuleIds.Where(id => RuleRegistry.Find(id) is null).ToList();
                var hint = unknown.Count > 0 ? $" `{string.Join("`, `", unknown)}` is not a rule id or name." : "";
                kept.Add(new Finding(rule.Id, rule.Name, rule.Family, level,
                    $"This suppression ({Describe(d)}) for {what} matches no finding, so it hides nothing and may hide a future problem by accident.{hint} Remove it, or fix its rule ids or position.",
                    d.Span, d.Object?.Ref, $"{d.Kind}:{what}"));
            }
        }
        return (kept, suppressed);
    }

    private static bool Applies(SuppressionDirective d, Finding f) => d.Kind switch
    {
        "file" => f.Span.File == d.File,
        "next-line" => f.Span.File == d.File && f.Span.StartLine == d.Line + 1,
        // The object's own findings, its containers', and findings elsewhere about it (a ConfigMap value read by it).
        _ => f.Object == d.Object!.Ref
             || f.Span.File == d.Object.Span.File && f.Span.StartLine >= d.Object.Span.StartLine && f.Span.StartLine <= d.Object.Span.EndLine,
    };

    private static string Describe(SuppressionDirective d) => d.Kind switch
    {
        "file" => "manifestlint-disable-file",
        "next-line" => "manifestlint-disable-next-line",
        _ => $"annotation {Loading.KubeObjectReader.IgnoreAnnotation} on {d.Object!.Ref}",
    };
}
