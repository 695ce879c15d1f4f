namespace ManifestLint.Discovery;

/// <summary>What is on disk under the root, for module resolution: every present file, and for each
/// folder that was walked, whether a path in it would be ignored (generated or build output).
/// Each folder keeps the ignore lists in force there (shared with its parent when it has no ignore file of its own).</summary>
public sealed class FileIndex
{
    private readonly IReadOnlySet<string> paths;
    private readonly IReadOnlyDictionary<string, List<(string Base, MAB.DotIgnore.IgnoreList List)>> walkedFolders;
    private readonly IReadOnlySet<string> withNodeModules;

    internal FileIndex(IReadOnlySet<string> paths, IReadOnlyDictionary<string, List<(string Base, MAB.DotIgnore.IgnoreList List)>> walkedFolders,
        IReadOnlySet<string> withNodeModules)
    {
        this.paths = paths;
        this.walkedFolders = walkedFolders;
        this.withNodeModules = withNodeModules;
    }

    public static readonly FileIndex Empty = new(new HashSet<string>(), new Dictionary<string, List<(string, MAB.DotIgnore.IgnoreList)>>(), new HashSet<string>());

    public bool Exists(string path) => paths.Contains(path);

    /// <summary>Every present file (any kind, not only the ones that are read).</summary>
    public IEnumerable<string> Paths => paths;

    /// <summary>False only when the folder was walked and its listing has no `node_modules` entry: then no dependency
    /// can be found there, and looking on disk (a stat per package name and folder) is skipped.</summary>
    public bool MayHaveNodeModules(string folder) => !walkedFolders.ContainsKey(folder) || withNodeModules.Contains(folder);

    /// <summary>True when the folder was walked: a file missing from it is really missing.</summary>
    public bool Walked(string folder) => walkedFolders.ContainsKey(folder);

    /// <summary>True when the path's folder was walked and the path would not be ignored, neither as a
    /// file nor as a folder (`dist/` patterns match folders only).</summary>
    public bool CouldExistUnignored(string path)
    {
        if (path.Length == 0) return false; // the root itself: ignore lists cannot judge an empty path
        var slash = path.LastIndexOf('/');
        var folder = slash < 0 ? "" : path[..slash];
        return walkedFolders.TryGetValue(folder, out var ignores)
            && !FileDiscoverer.IsIgnored(ignores, path, false) && !FileDiscoverer.IsIgnored(ignores, path, true);
    }

    public bool IsDirectory(string path) => walkedFolders.ContainsKey(path);
}
