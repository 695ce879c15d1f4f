using System.Text.RegularExpressions;
using ManifestLint.Model;
using ManifestLint.Rules;

namespace ManifestLint.Filtering;

/// <summary>An inline suppression: `# manifestlint-disable-next-line ML301,env-var-not-set -- reason` (YAML,
/// Dockerfile, .env), `// manifestlint-disable-next-line ML101` or `/* manifestlint-disable-file */` (JS),
/// or a `manifestlint.io/ignore: "ML401 -- reason"` annotation on a Kubernetes object. No rule ids: all rules.</summary>
public sealed record SuppressionDirective(string Kind, string File, int Line, IReadOnlySet<string> RuleIds, string? Justification, SourceSpan Span, KubeObject? Object = null)
{
    public bool Covers(string ruleId) => RuleIds.Count == 0 || RuleIds.Contains(ruleId);
}

public static partial class SuppressionDirectives
{
    [GeneratedRegex(@"#\s*manifestlint-(?<kind>disable-next-line|disable-file)(?![\w-])(?<rest>[^\n]*)")]
    private static partial Regex HashComment();

    [GeneratedRegex(@"(?://|/\*)\s*manifestlint-(?<kind>disable-next-line|disable-file)(?![\w-])(?<rest>[^\n]*?)(?:\*/|$)", RegexOptions.Multiline)]
    private static partial Regex JsComment();

    /// <summary>Directives written in comments of the project's files, in file and line order.</summary>
    public static IEnumerable<SuppressionDirective> InComments(ProjectModel model) => model.Sources.Directives;

    /// <summary>Whether a text can hold a directive (checked before <see cref="Scan"/>, which is an iterator).</summary>
    public static bool MayHave(string text) => text.Contains("manifestlint-disable", StringComparison.Ordinal);

    /// <summary>The directives in one file's comments (called at load, while its text is at hand).</summary>
    public static IEnumerable<SuppressionDirective> Scan(string file, string text)
    {
        if (!text.Contains("manifestlint-disable", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal)) yield break;
        var pattern = IsJs(file) ? JsComment() : HashComment();
        foreach (Match m in pattern.Matches(text))
        {
            var line = 1 + text.AsSpan(0, m.Index).Count('\n');
            var column = m.Index - (text.LastIndexOf('\n', Math.Max(m.Index - 1, 0)) + 1) + 1;
            var (ids, reason) = Parse(m.Groups["rest"].Value);
            yield return new SuppressionDirective(m.Groups["kind"].Value == "disable-file" ? "file" : "next-line", file, line, ids, reason,
                new SourceSpan(file, line, column, line, column + m.Length));
        }
    }

    /// <summary>`manifestlint.io/ignore` annotations: they cover the object, its containers, and findings about it elsewhere.</summary>
    public static IEnumerable<SuppressionDirective> InAnnotations(ProjectModel model)
    {
        foreach (var o in model.Objects)
        {
            foreach (var (value, span) in o.IgnoreAnnotations)
            {
                var (ids, reason) = Parse(value);
                yield return new SuppressionDirective("annotation", span.File, span.StartLine, ids, reason, span, o);
            }
        }
    }

    /// <summary>`ML301, env-var-not-set -- reason` → ({ML301}, "reason"); names map to ids, unknown words are kept as written.</summary>
    private static (IReadOnlySet<string> Ids, string? Reason) Parse(string rest)
    {
        var dashes = rest.IndexOf("--", StringComparison.Ordinal);
        var idsText = dashes < 0 ? rest : rest[..dashes];
        var reason = dashes < 0 ? null : rest[(dashes + 2)..].Trim().TrimEnd('*', '/').Trim();
        var ids = idsText.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => RuleRegistry.Find(t)?.Descriptor.Id ?? t).ToHashSet(StringComparer.Ordinal);
        return (ids, string.IsNullOrEmpty(reason) ? null : reason);
    }

    private static bool IsJs(string file) =>
        file.EndsWith(".js", StringComparison.Ordinal) || file.EndsWith(".mjs", StringComparison.Ordinal) || file.EndsWith(".cjs", StringComparison.Ordinal);
}
