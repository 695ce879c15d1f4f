namespace ManifestLint.Model;

/// <summary>A docker-compose service or CI workflow step (`Origin`) that builds `Image` from the folder `Context`.</summary>
public sealed record ImageBuild(string Image, string Context, string Origin, SourceSpan Span);

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

    /// <summary>The app loads `.env` with dotenv, but it never reaches the image: why (the `.dockerignore`
    /// leaves it out, or no COPY brings it in).</summary>
    public string? DotEnvDropped { get; init; }

    /// <summary>The app loads env files we cannot place (dotenv `config({ path })`): any variable may be set.</summary>
    public bool EnvFilesUnknown { get; init; }

    /// <summary>Started through a transpiler hook: its files' module syntax is not Node's to judge.</summary>
    public bool Transpiled { get; init; }

    /// <summary>The entry file the command names (project path), whether or not it exists.</summary>
    public string? LaunchEntry { get; init; }

    /// <summary>Where the command is written (Dockerfile CMD line, or the container), and how to call it.</summary>
    public SourceSpan? LaunchSpan { get; init; }
    public string? LaunchOrigin { get; init; }
}
