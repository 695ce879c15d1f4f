using System.Collections.Concurrent;
using ManifestLint.Discovery;
using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>The project's JavaScript, parsed on first use: only files Node can run (reachable from an entry point)
/// are read and parsed; front-end, test and tooling code never is. Thread-safe: each file is parsed at most once.</summary>
public sealed class JsModuleStore
{
    private readonly string root;
    /// <summary>Every discovered JS file, with its content when it does not come from disk (kept small: no full paths).</summary>
    private readonly Dictionary<string, byte[]?> files;
    private readonly ModuleFormatResolver formats;
    private readonly int maxScopeDeclarations;
    private readonly SourceFiles sources;
    /// <summary>A <see cref="Lazy{T}"/> while a file is being parsed (others asking wait for it), then its result.</summary>
    private readonly ConcurrentDictionary<string, object> parsed = new(StringComparer.Ordinal);

    private sealed record Parsed(JsModule? Module, LoadProblem? Problem);

    internal JsModuleStore(string root, IEnumerable<DiscoveredFile> jsFiles, ModuleFormatResolver formats, int maxScopeDeclarations, SourceFiles sources)
    {
        this.root = Path.GetFullPath(root);
        files = jsFiles.ToDictionary(f => f.RelativePath, f => f.Content, StringComparer.Ordinal);
        this.formats = formats;
        this.maxScopeDeclarations = maxScopeDeclarations;
        this.sources = sources;
    }

    /// <summary>Every discovered JavaScript file, parsed or not.</summary>
    public int FileCount => files.Count;

    /// <summary>Files read and parsed so far (successfully or not).</summary>
    public int ParsedCount => parsed.Count;

    public bool IsParsed(string file) => parsed.ContainsKey(file);

    /// <summary>The facts of a file, parsing it now if it was not yet; false for files that are not discovered
    /// JavaScript or that failed to parse (their problem is in <see cref="Problems"/>).</summary>
    public bool TryGetValue(string file, out JsModule module)
    {
        module = null!;
        // Rules ask for parsed files many times: a plain look-up first, no delegate per call.
        if (!parsed.TryGetValue(file, out var entry))
        {
            if (!files.ContainsKey(file)) return false;
            entry = parsed.GetOrAdd(file, f => new Lazy<Parsed>(() => Parse(f)));
        }
        if (Result(file, entry).Module is not { } m) return false;
        module = m;
        return true;
    }

    public JsModule? GetValueOrDefault(string file) => TryGetValue(file, out var m) ? m : null;

    /// <summary>Problems of the files parsed so far, in file order.</summary>
    public IEnumerable<LoadProblem> Problems => parsed.Select(p => Result(p.Key, p.Value).Problem).OfType<LoadProblem>()
        .OrderBy(p => p.Span.File, StringComparer.Ordinal).ThenBy(p => p.Span.StartLine);

    /// <summary>The result of a parse, replacing its Lazy once done (one object less per file for the rest of the run).</summary>
    private Parsed Result(string file, object entry)
    {
        if (entry is Parsed done) return done;
        var lazy = (Lazy<Parsed>)entry;
        var result = lazy.Value;
        parsed.TryUpdate(file, result, lazy);
        return result;
    }

    private Parsed Parse(string path)
    {
        var content = files[path];
        byte[] bytes;
        try
        {
            bytes = content ?? File.ReadAllBytes(Path.Join(root, path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Parsed(null, new LoadProblem(SourceSpan.At(path, 1, 1), "file", $"cannot be read: {ex.Message}"));
        }
        var text = SourceFiles.Decode(bytes);
        sources.Add(path, text, keep: content is not null);
        var (format, reason, package, typeless) = formats.Resolve(path);
        var (module, problem) = JsLoader.Load(path, text, format, reason, package, typeless, maxScopeDeclarations);
        return new Parsed(module, problem);
    }
}
