using System.Collections.Concurrent;
using ManifestLint.Loading;
using ManifestLint.Model;

namespace ManifestLint.Linking;

/// <summary>Which JS files are reachable from entries through relative imports and requires.
/// Nodes are every discovered JS file (a file that failed to parse is still a node, without edges).</summary>
internal sealed class ModuleGraph(JsModuleStore modules)
{
    private static readonly string[] Suffixes = ["", ".js", ".mjs", ".cjs", "/index.js", "/index.mjs", "/index.cjs"];

    /// <summary>Every file reachable from the entries. Parsed in parallel as a work queue, not level by level: a
    /// worker that parses a file queues its unseen relative dependencies at once, so no core waits for the slowest
    /// file of a level. The result is a set, the same whatever the order of the parses.
    /// <paramref name="parallel"/>: false for the per-link walks after the big parse (their files are parsed already,
    /// and starting workers for a handful of files costs more than it saves).</summary>
    public HashSet<string> Reachable(IEnumerable<string> entries, bool parallel = true)
    {
        var seen = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var queue = new ConcurrentQueue<string>();
        foreach (var entry in entries)
        {
            if (seen.TryAdd(entry, 0)) queue.Enqueue(entry);
        }
        var pending = queue.Count; // queued or being parsed
        void Work()
        {
            var idle = new SpinWait();
            while (Volatile.Read(ref pending) > 0)
            {
                if (!queue.TryDequeue(out var file))
                {
                    idle.SpinOnce(); // another worker is parsing a file that may queue more
                    continue;
                }
                idle.Reset();
                if (modules.TryGetValue(file, out var module))
                {
                    foreach (var dep in module.Dependencies)
                    {
                        if (!dep.Specifier.StartsWith("./", StringComparison.Ordinal) && !dep.Specifier.StartsWith("../", StringComparison.Ordinal)) continue;
                        if (Resolve(PathUtil.Join(PathUtil.DirOf(file), dep.Specifier)) is { } target && seen.TryAdd(target, 0))
                        {
                            Interlocked.Increment(ref pending);
                            queue.Enqueue(target);
                        }
                    }
                }
                Interlocked.Decrement(ref pending);
            }
        }
        var workers = parallel ? Math.Min(Environment.ProcessorCount, Math.Max(1, queue.Count)) : 1;
        if (workers == 1) Work();
        else Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ => Work());
        return new HashSet<string>(seen.Keys, StringComparer.Ordinal);
    }

    /// <summary>Lenient resolution (CommonJS-style extension and index search) of a project path to a JS file.</summary>
    public string? Resolve(string path)
    {
        foreach (var suffix in Suffixes)
        {
            var candidate = path + suffix;
            if (modules.IsJavaScript(candidate)) return candidate;
        }
        return null;
    }
}
