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

    public static string LastSegment(string dir) => dir[(dir.LastIndexOf('/') + 1)..];
}
