using ManifestLint.Model;

namespace ManifestLint.Config;

/// <summary>Settings from `.manifestlint.yaml` (all optional).</summary>
public sealed record LintConfig
{
    public static readonly LintConfig Default = new();

    /// <summary>Namespace of objects that set none (Kubernetes applies to `default` unless told otherwise).</summary>
    public string DefaultNamespace { get; init; } = "default";
    /// <summary>Rule id or name → level; null means off.</summary>
    public IReadOnlyDictionary<string, Level?> RuleLevels { get; init; } = new Dictionary<string, Level?>();
    /// <summary>Extra gitignore-style patterns, relative to the project root.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];
    /// <summary>Work caps for hostile input (`limits:`).</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;
    /// <summary>Node version every app is judged against (`node:` in the file, or --node-version).</summary>
    public string? NodeVersion { get; init; }
    /// <summary>Objects and variables that exist outside the repository (a Vault agent, a webhook, another pipeline).</summary>
    public ExternalObjects External { get; init; } = ExternalObjects.None;
    /// <summary>Explicit app ↔ workload links (strongest evidence).</summary>
    public IReadOnlyList<AppMapping> Apps { get; init; } = [];

    /// <summary>Where the config came from, for messages.</summary>
    public string? Source { get; init; }
}

/// <summary>`external:` in the configuration. Object names are `name` (any namespace) or `namespace/name`.</summary>
public sealed record ExternalObjects(IReadOnlySet<string> Env, IReadOnlySet<string> Services, IReadOnlySet<string> ConfigMaps, IReadOnlySet<string> Secrets)
{
    public static readonly ExternalObjects None = new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    public static bool Names(IReadOnlySet<string> set, string ns, string name) => set.Contains(name) || set.Contains(ns + "/" + name);
}

/// <summary>An `apps:` entry: the app in `Source` runs in `Workload` (`Kind/namespace/name`, `Kind/name` or `name`),
/// in `Container` (or the pod's only / app container).</summary>
public sealed record AppMapping(string Source, string Workload, string? Container);

/// <summary>A configuration problem: exit code 2 with a located message.</summary>
public sealed class ConfigException(string message) : Exception(message);

/// <summary>The request cannot be served as given (e.g. paths from two projects): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
