namespace ManifestLint.Model;

/// <summary>What a file says about HTTP routing: which locals are apps or routers, the routes registered on
/// them, what is mounted on them, where imported locals come from, and which router the file exports.</summary>
public sealed class HttpRouting
{
    /// <summary>Local name → `app` (express(), Fastify(), new Koa()) or `router` (express.Router(), new Router()).</summary>
    public required IReadOnlyDictionary<string, string> Objects { get; init; }
    /// <summary>Koa routers' `prefix` option, by local name.</summary>
    public required IReadOnlyDictionary<string, string> Prefixes { get; init; }
    public required IReadOnlyList<RouteRegistration> Routes { get; init; }
    public required IReadOnlyList<RouteMount> Mounts { get; init; }
    /// <summary>Local name → (specifier, imported name; `default` for default imports and `require`).</summary>
    public required IReadOnlyDictionary<string, (string Specifier, string Export)> Imports { get; init; }
    /// <summary>Exported local by export name (`default` for `export default x` / `module.exports = x`).</summary>
    public required IReadOnlyDictionary<string, string> Exports { get; init; }

    public static HttpRouting Empty { get; } = new()
    {
        Objects = new Dictionary<string, string>(), Prefixes = new Dictionary<string, string>(), Routes = [], Mounts = [],
        Imports = new Dictionary<string, (string, string)>(), Exports = new Dictionary<string, string>(),
    };
}

/// <summary>`target.get('/health', handler)`. Path null: not a literal (a variable, a regex).
/// `TouchesDependency`: the inline handler queries a database or cache (ping, query, mongoose, prisma…).</summary>
public readonly record struct RouteRegistration(string Target, string Method, string? Path, SourceSpan Span, bool TouchesDependency);

/// <summary>What `target.use([prefix,] x)` mounts. Kind: `local` (a router in this file), `import` (an
/// imported local), `handler` (an inline function: answers under the prefix), `middleware` (passes
/// requests on: known middleware, `next()` callers, error handlers), `unknown` (could answer anything).</summary>
public readonly record struct RouteMount(string Target, string Prefix, string Kind, string? Name, SourceSpan Span);
