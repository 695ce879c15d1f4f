namespace ManifestLint.Linking;

/// <summary>Project-relative '/' path arithmetic (no file system access).</summary>
internal static class PathUtil
{
    public static string Join(string dir, string relative)
    {
        var parts = new List<string>();
        foreach (var part in (dir.Length == 0 ? relative : dir + "/" + relative).Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    public static string DirOf(string file)
    {
        var slash = file.LastIndexOf('/');
        return slash < 0 ? "" : file[..slash];
    }

    /// <summary>`path` relative to `dir` (both project paths), or null when it lies outside.</summary>
    public static string? Relative(string dir, string path) =>
        dir.Length == 0 ? path : path.StartsWith(dir + "/", StringComparison.Ordinal) ? path[(dir.Length + 1)..] : null;

    public static string LastSegment(string dir) => dir[(dir.LastIndexOf('/') + 1)..];
}
