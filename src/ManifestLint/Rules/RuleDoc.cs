namespace ManifestLint.Rules;

/// <summary>A rule's documentation from rules/&lt;Id&gt;.md, embedded in the assembly: the single
/// source for `manifestlint rules`, `explain`, and SARIF rule metadata.</summary>
public sealed record RuleDoc(
    string Id,
    string Name,
    string Title,
    string Family,
    string Level,
    string Precision,
    IReadOnlyList<string> Tags,
    string Summary,
    string Markdown)
{
    public const string HelpUriBase = "https://github.com/manifestlint/manifestlint/blob/main/rules/";

    public string HelpUri => $"{HelpUriBase}{Id}.md";
}
