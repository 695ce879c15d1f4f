using System.Collections.Concurrent;
using ManifestLint.Discovery;
using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>The project's JavaScript, parsed on first use: only files Node can run (reachable from an entry point)
/// are read and parsed; front-end, test and tooling code never is. Thread-safe: each file is parsed at most once.
/// One slot per file in an array (its index in <see cref="files"/>), not a concurrent-dictionary node and a result
/// object per file: on a large monorepo these are a hundred thousand objects that live for the whole run.</summary>
public sealed class JsModuleStore
{
    private readonly string root;
    /// <summary>Every discovered JS file and its slot (kept small: no full paths).</summary>
    private readonly Dictionary<string, int> files;
    /// <summary>Per slot: null before the first request, a <see cref="Lazy{T}"/> while the file is being parsed (others
    /// asking wait for it), then its <see cref="JsModule"/> or its <see cref="LoadProblem"/>.</summary>
    private readonly object?[] slots;
    /// <summary>The content of files that do not come from disk (in practice none, or a handful).</summary>
    private readonly Dictionary<string, byte[]> contents;
    private readonly ModuleFormatResolver formats;
    private readonly int maxScopeDeclarations;
    private readonly SourceFiles sources;

    internal JsModuleStore(string root, IEnumerable<DiscoveredFile> jsFiles, ModuleFormatResolver formats, int maxScopeDeclarations, SourceFiles sources)
    {
        this.root = Path.GetFullPath(root);
        files = new Dictionary<string, int>(StringComparer.Ordinal);
        contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var f in jsFiles)
        {
            files[f.RelativePath] = files.Count;
            if (f.Content is not null) contents[f.RelativePath] = f.Content;
        }
        slots = new object?[files.Count];
        this.formats = formats;
        this.maxScopeDeclarations = maxScopeDeclarations;
        this.sources = sources;
    }

    /// <summary>Every discovered JavaScript file, parsed or not.</summary>
    public int FileCount => files.Count;

    /// <summary>Files read and parsed so far (successfully or not).</summary>
    public int ParsedCount => slots.Count(s => s is not null);

    public bool IsParsed(string file) => files.TryGetValue(file, out var i) && Volatile.Read(ref slots[i]) is not null;

    /// <summary>A discovered JavaScript file (parsed or not).</summary>
    public bool IsJavaScript(string file) => files.ContainsKey(file);

    /// <summary>The facts of a file, parsing it now if it was not yet; false for files that are not discovered
    /// JavaScript or that failed to parse (their problem is in <see cref="Problems"/>).</summary>
    public bool TryGetValue(string file, out JsModule module)
    {
        module = null!;
        if (!files.TryGetValue(file, out var i)) return false;
        // Rules ask for parsed files many times: a plain read first, no delegate per call.
        var entry = Volatile.Read(ref slots[i]);
        if (entry is null)
        {
            var lazy = new Lazy<object>(() => Parse(file));
            entry = Interlocked.CompareExchange(ref slots[i], lazy, null) ?? lazy;
        }
        if (Result(i, entry) is not JsModule m) return false;
        module = m;
        return true;
    }

    public JsModule? GetValueOrDefault(string file) => TryGetValue(file, out var m) ? m : null;

    /// <summary>Problems of the files parsed so far, in file order.</summary>
    public IEnumerable<LoadProblem> Problems => slots.Select((s, i) => Result(i, s)).OfType<LoadProblem>()
        .OrderBy(p => p.Span.File, StringComparer.Ordinal).ThenBy(p => p.Span.StartLine);

    /// <summary>The result of a parse (null: not parsed), replacing its Lazy once done.</summary>
    private object? Result(int slot, object? entry)
    {
        if (entry is not Lazy<object> lazy) return entry;
        var result = lazy.Value;
        Interlocked.CompareExchange(ref slots[slot], result, lazy);
        return result;
    }

    private object Parse(string path)
    {
        var content = contents.GetValueOrDefault(path);
        string text;
        try
        {
            text = content is not null ? SourceFiles.Decode(content) : SourceFiles.ReadText(Path.Join(root, path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new LoadProblem(SourceSpan.At(path, 1, 1), "file", $"cannot be read: {ex.Message}");
        }
        sources.Add(path, text, keep: content is not null);
        var (format, reason, package, typeless) = formats.Resolve(path);
        var (module, problem) = JsLoader.Load(path, text, format, reason, package, typeless, maxScopeDeclarations);
        return (object?)module ?? problem
            ?? new LoadProblem(SourceSpan.At(path, 1, 1), "JavaScript", "could not be analysed (internal error: no facts and no problem; please report it)");
    }
}
