namespace ManifestLint.Model;

/// <summary>A package.json: the facts Node's module rules and our entry-point search need.</summary>
public sealed class NodePackage
{
    /// <summary>Project-relative folder ("" for the root), '/' separated.</summary>
    public required string Dir { get; init; }
    public required string File { get; init; }
    public string? Name { get; init; }
    /// <summary>The `type` field as written ("module", "commonjs", ...), null when absent.</summary>
    public string? Type { get; init; }
    public SourceSpan? TypeSpan { get; init; }
    public string? Main { get; init; }
    public SourceSpan? MainSpan { get; init; }
    /// <summary>Keys of the `imports` field (`#config`, `#lib/*`); null when the field is absent.</summary>
    public IReadOnlySet<string>? Imports { get; init; }
    /// <summary>`engines.node` as written (a semver range).</summary>
    public string? EnginesNode { get; init; }
    public required IReadOnlyDictionary<string, string> Scripts { get; init; }
    public required IReadOnlyDictionary<string, string> Bin { get; init; }
    /// <summary>Names from dependencies and devDependencies.</summary>
    public required IReadOnlySet<string> Dependencies { get; init; }

    /// <summary>The package.json that governs a file, as Node finds it: the nearest folder upward with one,
    /// stopping at a node_modules boundary.</summary>
    public static NodePackage? Nearest(IReadOnlyDictionary<string, NodePackage> packages, string file)
    {
        var dir = file;
        while (true)
        {
            var slash = dir.LastIndexOf('/');
            dir = slash < 0 ? "" : dir[..slash];
            if (packages.TryGetValue(dir, out var package)) return package;
            if (dir.Length == 0 || dir.EndsWith("node_modules", StringComparison.Ordinal)) return null;
        }
    }
}
