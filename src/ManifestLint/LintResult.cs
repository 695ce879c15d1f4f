using ManifestLint.Model;

namespace ManifestLint;

/// <summary>The findings of one run. File paths in findings are relative to <see cref="Root"/>;
/// <see cref="RepoPrefix"/> is the project root's folder inside the git repository ("" when they
/// coincide), which CI annotations and code scanning need.</summary>
public sealed record LintResult(string Root, ProjectModel Model, IReadOnlyList<Finding> Findings)
{
    public string RepoPrefix { get; init; } = "";

    /// <summary>Files read under the linted paths (the summary's count).</summary>
    public int FilesInScope { get; init; }

    /// <summary>Files and folders under the linted paths that were deliberately not read.</summary>
    public IReadOnlyList<Discovery.SkippedFile> Skipped { get; init; } = [];

    public string RepoRoot => RepoPrefix.Length == 0 ? Root : Path.GetFullPath(Path.Combine(Root, string.Join('/', RepoPrefix.Split('/').Select(_ => ".."))));

    public string RepoPath(string file) => RepoPrefix.Length == 0 || file == Linter.StdinPath ? file : RepoPrefix + "/" + file;
}
