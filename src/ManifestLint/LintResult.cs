using ManifestLint.Model;

namespace ManifestLint;

/// <summary>The findings of one run. File paths in findings are relative to <see cref="Root"/>;
/// <see cref="RepoRoot"/> is the enclosing git repository's root (the project root when there is none),
/// which CI annotations and code scanning need.</summary>
public sealed record LintResult(string Root, ProjectModel Model, IReadOnlyList<Finding> Findings)
{
    public string? RepoRootOrNull { get; init; }

    public string RepoRoot => RepoRootOrNull ?? Root;

    /// <summary>The project root's folder inside the repository ("" when they coincide).</summary>
    public string RepoPrefix => Discovery.ProjectRoot.Relative(RepoRoot, Root);

    /// <summary>Findings held back by inline comments, `manifestlint.io/ignore` annotations or the baseline.</summary>
    public IReadOnlyList<Filtering.SuppressedFinding> Suppressed { get; init; } = [];

    /// <summary>Files read under the linted paths (the summary's count).</summary>
    public int FilesInScope { get; init; }

    /// <summary>Files and folders under the linted paths that were deliberately not read.</summary>
    public IReadOnlyList<Discovery.SkippedFile> Skipped { get; init; } = [];

    public string RepoPath(string file) => RepoPrefix.Length == 0 || file == Linter.StdinPath ? file : RepoPrefix + "/" + file;
}
