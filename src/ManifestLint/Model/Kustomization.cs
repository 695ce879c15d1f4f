namespace ManifestLint.Model;

/// <summary>What a kustomization.yaml contributes: a namespace for its resources, patch files
/// (partial objects, not workloads of their own), and generated ConfigMaps/Secrets.</summary>
public sealed class Kustomization
{
    public required string File { get; init; }
    public required string Dir { get; init; }
    public string? Namespace { get; init; }
    /// <summary>`namePrefix` / `nameSuffix` ("" when unset).</summary>
    public string NamePrefix { get; init; } = "";
    public string NameSuffix { get; init; } = "";
    /// <summary>Labels added to pod templates (`commonLabels`, `labels` with `includeSelectors`/`includeTemplates`).</summary>
    public IReadOnlyDictionary<string, string> TemplateLabels { get; init; } = new Dictionary<string, string>();
    /// <summary>Labels added to selectors too (`commonLabels`, `labels` with `includeSelectors: true`).</summary>
    public IReadOnlyDictionary<string, string> SelectorLabels { get; init; } = new Dictionary<string, string>();
    /// <summary>Project paths of listed resources (files or folders).</summary>
    public required IReadOnlyList<string> Resources { get; init; }
    public required IReadOnlyList<string> PatchFiles { get; init; }
    public required IReadOnlyList<KubeObject> Generated { get; init; }
    /// <summary>`resources`/`bases` entries that are URLs or git repositories: never fetched (offline).</summary>
    public IReadOnlyList<(string Resource, SourceSpan Span)> RemoteResources { get; init; } = [];

    /// <summary>Kustomize's remote forms: a URL, `github.com/org/repo//path?ref=`, `git@host:org/repo`.</summary>
    public static bool IsRemote(string resource) =>
        resource.Contains("://", StringComparison.Ordinal) || resource.StartsWith("git@", StringComparison.Ordinal)
        || resource.Contains("?ref=", StringComparison.Ordinal) || resource.Contains("?version=", StringComparison.Ordinal)
        || resource.StartsWith("github.com/", StringComparison.Ordinal) || resource.StartsWith("gitlab.com/", StringComparison.Ordinal)
        || resource.StartsWith("bitbucket.org/", StringComparison.Ordinal);
}
