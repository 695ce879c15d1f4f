using ManifestLint.Model;

namespace ManifestLint;

public sealed record LintResult(string Root, ProjectModel Model, IReadOnlyList<Finding> Findings);
