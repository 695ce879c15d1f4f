namespace ManifestLint.Filtering;

/// <summary>Why a finding is not reported: an inline comment, a `manifestlint.io/ignore` annotation, or the
/// baseline; with the justification written after `--`, and where the directive is.</summary>
public sealed record Suppression(string Kind, string? Justification, SourceSpan? Span);

/// <summary>A finding held back by a suppression (reported only on request, e.g. SARIF `suppressions[]`).</summary>
public sealed record SuppressedFinding(Model.Finding Finding, Suppression Suppression);
