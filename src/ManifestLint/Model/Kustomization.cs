namespace ManifestLint.Model;

/// <summary>What a kustomization.yaml contributes: a namespace for its resources, patch files
/// (partial objects, not workloads of their own), and generated ConfigMaps/Secrets.</summary>
public sealed class Kustomization
{
    public required string File { get; init; }
    public required string Dir { get; init; }
    public string? Namespace { get; init; }
    /// <summary>Project paths of listed resources (files or folders).</summary>
    public required IReadOnlyList<string> Resources { get; init; }
    public required IReadOnlyList<string> PatchFiles { get; init; }
    public required IReadOnlyList<KubeObject> Generated { get; init; }
}
