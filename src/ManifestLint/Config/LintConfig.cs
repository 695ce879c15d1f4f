using ManifestLint.Model;

namespace ManifestLint.Config;

/// <summary>Settings from `.manifestlint.yaml` (all optional).</summary>
public sealed class LintConfig
{
    public static readonly LintConfig Default = new();

    /// <summary>Namespace of objects that set none (Kubernetes applies to `default` unless told otherwise).</summary>
    public string DefaultNamespace { get; init; } = "default";
    /// <summary>Rule id or name → level; null means off.</summary>
    public IReadOnlyDictionary<string, Level?> RuleLevels { get; init; } = new Dictionary<string, Level?>();
    /// <summary>Extra gitignore-style patterns, relative to the project root.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;
    /// <summary>Node version every app is judged against (`node:` in the file, or --node-version).</summary>
    public string? NodeVersion { get; init; }
    /// <summary>Where the config came from, for messages.</summary>
    public string? Source { get; init; }
}

/// <summary>A configuration problem: exit code 2 with a located message.</summary>
public sealed class ConfigException(string message) : Exception(message);

/// <summary>The request cannot be served as given (e.g. paths from two projects): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
