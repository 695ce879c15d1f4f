namespace ManifestLint.Model;

/// <summary>What a Dockerfile's final stage produces: the facts linking and env rules need.</summary>
public sealed class ImageRecipe
{
    public required string File { get; init; }
    /// <summary>Folder holding the Dockerfile ("" for the root).</summary>
    public required string Dir { get; init; }
    public required IReadOnlyList<ImageStage> Stages { get; init; }

    public ImageStage? Final => Stages.Count > 0 ? Stages[^1] : null;
}

public sealed class ImageStage
{
    public required string BaseImage { get; init; }
    public string? Alias { get; init; }
    public required SourceSpan Span { get; init; }
    public string? WorkDir { get; set; }
    public Dictionary<string, string> Env { get; } = new(StringComparer.Ordinal);
    public List<int> Expose { get; } = [];
    public IReadOnlyList<string> Cmd { get; set; } = [];
    public IReadOnlyList<string> Entrypoint { get; set; } = [];
    /// <summary>Where the command comes from: the CMD (else ENTRYPOINT) instruction.</summary>
    public SourceSpan? CommandSpan { get; set; }
    /// <summary>RUN instructions of this stage (a build step may create the entry file).</summary>
    public List<string> Runs { get; } = [];
    /// <summary>`COPY . .` into the current WORKDIR: image paths under WORKDIR are the build context's paths.</summary>
    public bool CopiesContextToWorkDir { get; set; }

    /// <summary>Build-context paths this stage (and its base stages) COPY/ADD, as written.</summary>
    public List<string> CopiedSources { get; } = [];

    /// <summary>Does a COPY bring the build-context path (relative to the context) into the image?</summary>
    public bool Copies(string contextPath)
    {
        foreach (var written in CopiedSources)
        {
            var source = written.StartsWith("./", StringComparison.Ordinal) ? written[2..] : written;
            source = source.TrimEnd('/');
            if (source is "" or "." || contextPath == source || contextPath.StartsWith(source + "/", StringComparison.Ordinal)) return true;
            if (source.AsSpan().IndexOfAny('*', '?', '[') >= 0
                && Discovery.IgnorePatterns.Create([source]).IsIgnored(contextPath, false)) return true;
        }
        return false;
    }

    /// <summary>Copies artifacts from another stage or image (`COPY --from=`).</summary>
    public bool CopiesFromStage { get; set; }

    /// <summary>The command the container runs: ENTRYPOINT followed by CMD.</summary>
    public IReadOnlyList<string> Command => [.. Entrypoint, .. Cmd];

    /// <summary>Does this stage run Node? (node base image, or a node/npm/yarn/pnpm command.)</summary>
    public bool RunsNode
    {
        get
        {
            if (ImageReference.Parse(BaseImage)?.Name.StartsWith("node", StringComparison.Ordinal) == true) return !IsStaticServer(Command);
            return Command.Take(2).Any(t => Path.GetFileName(t) is "node" or "npm" or "yarn" or "pnpm" or "nodemon" or "pm2-runtime");
        }
    }

    private static bool IsStaticServer(IReadOnlyList<string> command) =>
        command.Count > 0 && Path.GetFileName(command[0]) is "nginx" or "httpd" or "caddy";
}
