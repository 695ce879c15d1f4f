namespace ManifestLint.Model;

/// <summary>A Node app (package) found to run in a workload's container, with the evidence why.</summary>
public sealed record AppLink(
    KubeObject Workload,
    Container Container,
    NodePackage Package,
    ImageRecipe? Image,
    string? EntryFile,
    IReadOnlySet<string> ReachableFiles,
    string Evidence)
{
    /// <summary>`.env` files the app loads at start (dotenv, `node --env-file`), project paths.</summary>
    public IReadOnlyList<string> EnvFiles { get; init; } = [];
}
