namespace ManifestLint.Discovery;

public enum FileKind
{
    Yaml,
    PackageJson,
    JavaScript,
    Dockerfile,
    /// <summary>kustomization.yaml: generators, patches and a namespace for its resources.</summary>
    Kustomization,
    /// <summary>A `.env` file: its keys reach the app when it loads them (dotenv, `node --env-file`).</summary>
    DotEnv,
    /// <summary>`.nvmrc` / `.node-version`: the Node version a folder expects.</summary>
    NodeVersionFile,
    /// <summary>`.dockerignore`: what a build context leaves out of the image.</summary>
    DockerIgnore,
}

/// <summary>A file to load, by its path under the project root (its full path is made when it is read: kept for the
/// whole load, one more string per file would be copied by every garbage collection until then). Content is set for
/// input that does not come from disk (stdin).</summary>
public sealed record DiscoveredFile(string RelativePath, FileKind Kind, byte[]? Content = null);

/// <summary>A file deliberately not read (too large, symlink leaving the root, unreadable); <paramref name="Limit"/>
/// names the input limit that left it out, if one did.</summary>
public sealed record SkippedFile(string RelativePath, string Reason, string? Limit = null);
