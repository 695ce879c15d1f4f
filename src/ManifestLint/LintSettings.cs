namespace ManifestLint;

/// <summary>How to run: configuration file, Node version override, whether to trust inline suppressions
/// (comments and annotations in the linted repository), a baseline of known findings, and the name to
/// report standard input under.</summary>
public sealed record LintSettings
{
    public string? ConfigPath { get; init; }
    public string? NodeVersion { get; init; }
    /// <summary>False for CI that must not let the linted repository silence findings (`--no-inline-suppressions`).</summary>
    public bool InlineSuppressions { get; init; } = true;
    public string? BaselinePath { get; init; }
    public string? StdinFilename { get; init; }
}
