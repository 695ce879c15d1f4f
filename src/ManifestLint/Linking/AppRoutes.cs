using ManifestLint.Model;

namespace ManifestLint.Linking;

/// <summary>A route the app serves, with its full path (mount prefixes applied).</summary>
public sealed record ResolvedRoute(string Method, string Path, SourceSpan Span, bool TouchesDependency);

/// <summary>The HTTP routes of a linked app. `UnknownPrefixes`: paths under these may be answered by code we
/// cannot read (a dynamic path, an unknown middleware, a plugin); "" means any path.</summary>
public sealed class AppRouteTable(IReadOnlyList<ResolvedRoute> routes, IReadOnlyList<string> unknownPrefixes)
{
    public IReadOnlyList<ResolvedRoute> Routes => routes;

    /// <summary>Can we say for sure whether `path` is served?</summary>
    public bool Knows(string path) => !unknownPrefixes.Any(p => p.Length == 0 || Under(Normalize(path), p));

    /// <summary>The GET (or any-method) route that answers `path`, if one does.</summary>
    public ResolvedRoute? Match(string path) =>
        routes.FirstOrDefault(r => r.Method is "get" or "all" && Matches(r.Path, Normalize(path)));

    private static string Normalize(string path)
    {
        var q = path.IndexOfAny(['?', '#']);
        if (q >= 0) path = path[..q];
        path = "/" + path.Trim('/');
        return path;
    }

    /// <summary>Is `path` at or below `prefix`? `:param` segments of the prefix match any segment.</summary>
    private static bool Under(string path, string prefix)
    {
        var want = prefix.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var have = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (want.Length > have.Length) return false;
        for (var i = 0; i < want.Length; i++)
        {
            if (!want[i].StartsWith(':') && !want[i].Equals(have[i], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    /// <summary>Express-style matching: `:param` is one segment, `*` (or `(.*)`, `{*rest}`) the rest; case-insensitive.</summary>
    private static bool Matches(string pattern, string path)
    {
        var want = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries); // patterns keep `?` (`/:id?`)
        var have = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < want.Length; i++)
        {
            var w = want[i];
            if (w is "*" or "(.*)" || w.StartsWith("{*", StringComparison.Ordinal) || w.StartsWith("*", StringComparison.Ordinal)) return true;
            if (i >= have.Length) return w.StartsWith(':') && w.EndsWith('?');
            if (w.StartsWith(':')) continue;
            if (!w.Equals(have[i], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return want.Length == have.Length;
    }
}

/// <summary>Resolves an app's routes across its files: apps, routers mounted with prefixes (local or imported
/// through relative modules), and what is left unknown.</summary>
public static class AppRoutes
{
    private const int MaxDepth = 8;

    /// <summary>The app's route table, or null when no Express/Koa/Fastify app is found in its files.</summary>
    public static AppRouteTable? Of(ProjectModel model, AppLink link) => model.Memo(nameof(AppRoutes), link, () => Compute(model, link));

    private static AppRouteTable? Compute(ProjectModel model, AppLink link)
    {
        var graph = new ModuleGraph(model.Modules);
        var routes = new List<ResolvedRoute>();
        var unknown = new List<string>();
        var visited = new HashSet<(string, string, string)>();
        var foundApp = false;
        foreach (var file in link.ReachableFiles.Order(StringComparer.Ordinal))
        {
            if (!model.Modules.TryGetValue(file, out var module)) continue;
            if (module.Routing.Mounts.Any(m => m.Target.Length == 0)) unknown.Add(""); // raw http handler
            foreach (var (name, kind) in module.Routing.Objects)
            {
                if (kind != "app") continue;
                foundApp = true;
                Collect(model, graph, file, name, "", 0, routes, unknown, visited);
            }
        }
        return foundApp ? new AppRouteTable(routes, unknown) : null;
    }

    private static void Collect(ProjectModel model, ModuleGraph graph, string file, string name, string prefix, int depth,
        List<ResolvedRoute> routes, List<string> unknown, HashSet<(string, string, string)> visited)
    {
        if (depth > MaxDepth || !visited.Add((file, name, prefix)) || !model.Modules.TryGetValue(file, out var module)) { unknown.Add(prefix); return; }
        var routing = module.Routing;
        var own = Join(prefix, routing.Prefixes.GetValueOrDefault(name) ?? "");
        foreach (var route in routing.Routes.Where(r => r.Target == name))
        {
            if (route.Path is null) unknown.Add(own);
            // Express 4/5 string patterns (`/health(z)?`, `/healthz?`, `/status{/:check}`, `/health*`): not matched
            // by us, so everything below their literal part is unknown.
            else if (PatternStart(route.Path) is { } literal) unknown.Add(Join(own, literal));
            else routes.Add(new ResolvedRoute(route.Method, Join(own, route.Path), route.Span, route.TouchesDependency));
        }
        foreach (var mount in routing.Mounts.Where(m => m.Target == name))
        {
            var at = Join(own, mount.Prefix);
            switch (mount.Kind)
            {
                case "local":
                    Collect(model, graph, file, mount.Name!, at, depth + 1, routes, unknown, visited);
                    break;
                case "import" when routing.Imports.TryGetValue(mount.Name!, out var source) && source.Specifier.StartsWith('.')
                    && graph.Resolve(PathUtil.Join(PathUtil.DirOf(file), source.Specifier)) is { } target
                    && model.Modules.TryGetValue(target, out var imported) && imported.Routing.Exports.TryGetValue(source.Export, out var exported)
                    && imported.Routing.Objects.ContainsKey(exported):
                    Collect(model, graph, target, exported, at, depth + 1, routes, unknown, visited);
                    break;
                case "handler":
                    routes.Add(new ResolvedRoute("all", Join(at, "*"), mount.Span, false));
                    break;
                case "middleware":
                    break;
                default:
                    unknown.Add(at);
                    break;
            }
        }
    }

    /// <summary>The literal folder before a pattern character, or null when the path is plain (`:param`, `:param?`
    /// and a whole-segment `*` are understood).</summary>
    private static string? PatternStart(string path)
    {
        foreach (var segment in path.Split('/'))
        {
            if (segment is "*" or "(.*)" || segment.StartsWith("{*", StringComparison.Ordinal) && segment.EndsWith('}')) continue;
            if (segment.StartsWith(':') && segment.TrimEnd('?').Skip(1).All(c => char.IsLetterOrDigit(c) || c == '_')) continue;
            if (segment.IndexOfAny(['(', ')', '*', '+', '?', '{', '}', '[', ']']) >= 0)
            {
                var at = path.IndexOf(segment, StringComparison.Ordinal);
                return path[..at].TrimEnd('/');
            }
        }
        return null;
    }

    private static string Join(string prefix, string path)
    {
        var joined = prefix.TrimEnd('/') + "/" + path.TrimStart('/');
        return joined.Length > 1 ? joined.TrimEnd('/') : joined;
    }
}
