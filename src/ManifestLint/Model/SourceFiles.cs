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
        if (displayable) foreach (var d in SuppressionDirectives.Scan(file, text)) directives.Add(d);
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
            return Decode(File.ReadAllBytes(Path.Combine(Root, file)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>UTF-8 as Node and kubectl read it (invalid bytes become U+FFFD), without a byte-order mark.</summary>
    public static string Decode(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }
}
