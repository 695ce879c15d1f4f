using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using ManifestLint.Filtering;

namespace ManifestLint.Model;

/// <summary>The files a run read: their size, the suppression directives in their comments (found while the
/// text is at hand), and the text of the few files kept whole (stdin, Chart.yaml). File texts are not kept:
/// at 8× the benchmark monorepo they were 420 MB of UTF-16; a report that shows a code frame reads its file again.
/// Each file is added once. Only the few files with something to remember beyond their path (kept text, not to be
/// displayed) get a table entry; the rest are a path in a queue, not a dictionary node each (a sixth of a million
/// files on the 8× corpus).</summary>
public sealed class SourceFiles
{
    private readonly ConcurrentQueue<string> paths = new();
    private readonly ConcurrentDictionary<string, Special> special = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<SuppressionDirective> directives = [];
    private long totalChars;
    /// <summary>The paths as a set, built on the first look-up (reports, after loading); an Add discards it.</summary>
    private volatile HashSet<string>? pathSet;

    private readonly record struct Special(bool Displayable, string? Kept);

    public SourceFiles(string root) => Root = root;

    /// <summary>The project root the paths are relative to.</summary>
    public string Root { get; }

    /// <summary>Records a file read by the run (once per file). <paramref name="keep"/>: the text stays in memory (input
    /// that is not on disk, or a file a rule reads); <paramref name="displayable"/>: false for files whose lines must
    /// never be printed (.env values are secrets).</summary>
    public void Add(string file, string text, bool keep = false, bool displayable = true)
    {
        if (keep || !displayable) special[file] = new Special(displayable, keep ? text : null);
        paths.Enqueue(file);
        pathSet = null;
        Interlocked.Add(ref totalChars, text.Length);
        if (displayable && SuppressionDirectives.MayHave(text)) foreach (var d in SuppressionDirectives.Scan(file, text)) directives.Add(d);
    }

    public int Count => paths.Count;

    public long TotalChars => Interlocked.Read(ref totalChars);

    public IEnumerable<string> Paths => paths;

    public bool Contains(string file) => PathSet.Contains(file);

    private HashSet<string> PathSet => pathSet ??= paths.ToHashSet(StringComparer.Ordinal);

    /// <summary>The text of a file kept in memory.</summary>
    public bool TryGetKept(string file, out string text)
    {
        var kept = special.TryGetValue(file, out var e) ? e.Kept : null;
        text = kept ?? "";
        return kept is not null;
    }

    /// <summary>Suppression directives in comments, in file and line order.</summary>
    public IEnumerable<SuppressionDirective> Directives =>
        directives.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Span.StartLine).ThenBy(d => d.Span.StartColumn);

    /// <summary>A file's text for a code frame: kept, or read again and decoded as at load. Null when the file must
    /// not be shown, was not read by the run, or cannot be read now.</summary>
    public string? TextForDisplay(string file)
    {
        if (special.TryGetValue(file, out var e))
        {
            if (!e.Displayable) return null;
            if (e.Kept is not null) return e.Kept;
        }
        else if (!Contains(file))
        {
            return null;
        }
        try
        {
            return ReadText(Path.Combine(Root, file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>UTF-8 as Node and kubectl read it (invalid bytes become U+FFFD), without a byte-order mark.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes.StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>A file's text, decoded as <see cref="Decode"/> does, read through a pooled buffer: only the string
    /// is allocated (a byte array per file was 17 MB of garbage on the 2,000-service corpus).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened.</exception>
    public static string ReadText(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength) throw new IOException($"{path} is too large to read");
        // One byte more than the size says, to see that the end is reached; files that report no size (procfs) or
        // that grow while read are read on until the end.
        var buffer = ArrayPool<byte>.Shared.Rent((int)length + 1);
        try
        {
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, 2L * buffer.Length));
                    if (larger.Length <= total) throw new IOException($"{path} is too large to read");
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
                if (read == 0) break;
                total += read;
            }
            return Decode(buffer.AsSpan(0, total));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
