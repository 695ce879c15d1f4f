using System.Text.Json;
using ManifestLint.Linking;
using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Finds the packages that bare specifiers name, the way Node looks them up (node_modules in
/// each folder upward), and reads only their package.json. Never leaves the project root.</summary>
internal static class NodeModulesReader
{
    public static Dictionary<string, VendoredPackage> Read(string root, IEnumerable<(string FromFile, string Specifier)> bareImports, Discovery.FileIndex index)
    {
        var found = new Dictionary<string, VendoredPackage>(StringComparer.Ordinal);
        var looked = new HashSet<string>(StringComparer.Ordinal);
        var fullRoot = Path.GetFullPath(root);
        foreach (var (fromFile, specifier) in bareImports)
        {
            if (PackageName(specifier) is not { } name) continue;
            for (var dir = PathUtil.DirOf(fromFile); ; dir = PathUtil.DirOf(dir))
            {
                if (index.MayHaveNodeModules(dir))
                {
                    var packageDir = (dir.Length == 0 ? "" : dir + "/") + "node_modules/" + name;
                    if (looked.Add(packageDir) && Load(fullRoot, packageDir, name) is { } package) found[packageDir] = package;
                    if (found.ContainsKey(packageDir)) break;
                }
                if (dir.Length == 0) break;
            }
        }
        return found;
    }

    /// <summary>`express` → express, `@scope/pkg/sub` → @scope/pkg; null for builtins and non-package specifiers.</summary>
    public static string? PackageName(string specifier)
    {
        if (specifier.Length == 0 || specifier.StartsWith('.') || specifier.StartsWith('/') || specifier.StartsWith('#')
            || specifier.StartsWith("node:", StringComparison.Ordinal) || specifier.Contains(':', StringComparison.Ordinal)) return null;
        var parts = specifier.Split('/');
        var name = specifier.StartsWith('@') && parts.Length > 1 ? parts[0] + "/" + parts[1] : parts[0];
        return NodeBuiltins.Contains(name) ? null : name;
    }

    private static VendoredPackage? Load(string fullRoot, string packageDir, string name)
    {
        var path = Path.Combine(fullRoot, packageDir, "package.json");
        try
        {
            if (!File.Exists(path)) return null;
            // pnpm and workspaces symlink packages: follow only links that stay inside the root.
            var real = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
            var dirInfo = new DirectoryInfo(Path.Combine(fullRoot, packageDir));
            var realDir = dirInfo.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dirInfo.FullName;
            if (!IsInside(fullRoot, real) || !IsInside(fullRoot, realDir)) return null;
            using var json = JsonDocument.Parse(AsNodeReadsIt(File.ReadAllBytes(path)), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
            var rootElement = json.RootElement;
            if (rootElement.ValueKind != JsonValueKind.Object || !AllTextReadable(rootElement)) return null;
            var exports = rootElement.TryGetProperty("exports", out var e) ? e.Clone() : (JsonElement?)null;
            return new VendoredPackage
            {
                NestedTypes = NestedTypes(fullRoot, packageDir, Targets(exports).Append(rootElement.TryGetProperty("main", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "index.js")),
                Name = name,
                Dir = packageDir,
                Type = rootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null,
                Main = rootElement.TryGetProperty("main", out var main) && main.ValueKind == JsonValueKind.String ? main.GetString() : null,
                Exports = exports,
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null; // an unreadable dependency is the install step's business
        }
    }

    /// <summary>Every string target in an `exports` value (nested conditions and arrays, bounded).</summary>
    private static IEnumerable<string> Targets(JsonElement? exports)
    {
        if (exports is not { } root) yield break;
        var pending = new Stack<(JsonElement Element, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (element, depth) = pending.Pop();
            if (depth > 16) continue;
            switch (element.ValueKind)
            {
                case JsonValueKind.String: yield return element.GetString()!; break;
                case JsonValueKind.Array: foreach (var item in element.EnumerateArray()) pending.Push((item, depth + 1)); break;
                case JsonValueKind.Object: foreach (var p in element.EnumerateObject()) pending.Push((p.Value, depth + 1)); break;
            }
        }
    }

    /// <summary>`type` of package.json files between the package root and its entry targets.</summary>
    private static Dictionary<string, string?> NestedTypes(string fullRoot, string packageDir, IEnumerable<string> targets)
    {
        var types = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var target in targets.Take(256))
        {
            for (var dir = PathUtil.DirOf(PathUtil.Join(packageDir, target)); dir.Length > packageDir.Length && dir.StartsWith(packageDir + "/", StringComparison.Ordinal); dir = PathUtil.DirOf(dir))
            {
                if (types.ContainsKey(dir)) continue;
                var path = Path.Combine(fullRoot, dir, "package.json");
                if (!File.Exists(path)) continue;
                try
                {
                    using var nested = JsonDocument.Parse(AsNodeReadsIt(File.ReadAllBytes(path)), new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true });
                    types[dir] = nested.RootElement.ValueKind == JsonValueKind.Object && AllTextReadable(nested.RootElement) && nested.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                }
                catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
                {
                    types[dir] = null;
                }
            }
        }
        return types;
    }

    /// <summary>Node reads package.json as UTF-8 with invalid bytes replaced (U+FFFD) before JSON.parse.</summary>
    private static byte[] AsNodeReadsIt(byte[] bytes) =>
        System.Text.Unicode.Utf8.IsValid(bytes) ? bytes : System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(bytes));

    /// <summary>False when a key or string is a lone surrogate escape (`"\ud800"`): valid JSON that .NET cannot turn
    /// into a string. Such a vendored manifest is treated as unreadable rather than failing a rule later.</summary>
    private static bool AllTextReadable(JsonElement root)
    {
        var pending = new Stack<JsonElement>();
        pending.Push(root);
        try
        {
            while (pending.Count > 0)
            {
                var element = pending.Pop();
                switch (element.ValueKind)
                {
                    case JsonValueKind.String:
                        _ = element.GetString();
                        break;
                    case JsonValueKind.Array:
                        foreach (var item in element.EnumerateArray()) pending.Push(item);
                        break;
                    case JsonValueKind.Object:
                        foreach (var property in element.EnumerateObject())
                        {
                            _ = property.Name;
                            pending.Push(property.Value);
                        }
                        break;
                }
            }
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsInside(string root, string path)
    {
        var rel = Path.GetRelativePath(root, path);
        return !rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel);
    }

    private static readonly HashSet<string> NodeBuiltins = new(StringComparer.Ordinal)
    {
        "assert", "async_hooks", "buffer", "child_process", "cluster", "console", "constants", "crypto", "dgram",
        "diagnostics_channel", "dns", "domain", "events", "fs", "http", "http2", "https", "inspector", "module", "net",
        "os", "path", "perf_hooks", "process", "punycode", "querystring", "readline", "repl", "stream", "string_decoder",
        "sys", "timers", "tls", "trace_events", "tty", "url", "util", "v8", "vm", "wasi", "worker_threads", "zlib", "test",
    };
}
