using System.Buffers;

namespace ManifestLint.Linking;

/// <summary>Project-relative '/' path arithmetic (no file system access).</summary>
internal static class PathUtil
{
    /// <summary>`relative` resolved against `dir`: empty and `.` segments dropped, `..` removes the segment before it
    /// (never above the root). Built in one buffer: module resolution calls this for every import of every file.</summary>
    public static string Join(string dir, string relative)
    {
        var length = dir.Length + 1 + relative.Length;
        char[]? rented = null;
        var buffer = length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(length));
        var n = Append(buffer, Append(buffer, 0, dir), relative);
        var result = n == dir.Length && buffer[..n].SequenceEqual(dir) ? dir
            : n == relative.Length && buffer[..n].SequenceEqual(relative) ? relative
            : new string(buffer[..n]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    private static int Append(Span<char> buffer, int n, ReadOnlySpan<char> path)
    {
        while (!path.IsEmpty)
        {
            var slash = path.IndexOf('/');
            var part = slash < 0 ? path : path[..slash];
            path = slash < 0 ? default : path[(slash + 1)..];
            if (part.IsEmpty || part is ".") continue;
            if (part is "..")
            {
                n = Math.Max(buffer[..n].LastIndexOf('/'), 0);
                continue;
            }
            if (n > 0) buffer[n++] = '/';
            part.CopyTo(buffer[n..]);
            n += part.Length;
        }
        return n;
    }

    public static string DirOf(string file)
    {
        var slash = file.LastIndexOf('/');
        return slash < 0 ? "" : file[..slash];
    }

    /// <summary>`path` relative to `dir` (both project paths), or null when it lies outside.</summary>
    public static string? Relative(string dir, string path) =>
        dir.Length == 0 ? path : path.Length > dir.Length && path[dir.Length] == '/' && path.StartsWith(dir, StringComparison.Ordinal) ? path[(dir.Length + 1)..] : null;

    public static string LastSegment(string dir) => dir[(dir.LastIndexOf('/') + 1)..];

    /// <summary>Whether the last segment of `path` is `name`, without cutting it out.</summary>
    public static bool LastSegmentIs(string path, string name) =>
        path.EndsWith(name, StringComparison.Ordinal) && (path.Length == name.Length || path[^(name.Length + 1)] == '/');
}
