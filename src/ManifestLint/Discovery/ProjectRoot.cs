namespace ManifestLint.Discovery;

/// <summary>The project root: nearest folder upward holding `.manifestlint.yaml`, else the git root,
/// else the linted path itself. The whole root is loaded so cross-file rules see every file.</summary>
public static class ProjectRoot
{
    public const string ConfigFileName = ".manifestlint.yaml";

    public static string Find(string path)
    {
        var full = Path.GetFullPath(path);
        var start = Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full;
        return Upward(start, d => File.Exists(Path.Combine(d, ConfigFileName)))
            ?? GitRoot(start)
            ?? start;
    }

    /// <summary>The enclosing git repository's root, if any.</summary>
    public static string? GitRoot(string root) =>
        Upward(root, d => Directory.Exists(Path.Combine(d, ".git")) || File.Exists(Path.Combine(d, ".git")));

    private static string? Upward(string start, Func<string, bool> test)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (test(dir.FullName)) return dir.FullName;
        }
        return null;
    }

    /// <summary>Project-relative path with '/' separators ("" for the root itself).</summary>
    public static string Relative(string root, string fullPath)
    {
        var rel = Path.GetRelativePath(root, fullPath).Replace('\\', '/');
        return rel == "." ? "" : rel;
    }
}
