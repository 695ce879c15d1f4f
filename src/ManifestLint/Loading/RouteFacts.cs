using Acornima.Ast;
using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Collects Express / Koa (+ @koa/router) / Fastify routing facts during the extractor's walk.</summary>
internal sealed class RouteFacts(Func<Node, SourceSpan> span)
{
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "get", "post", "put", "delete", "patch", "head", "options", "all" };

    /// <summary>Middleware that passes every request on (parsers, security headers, logging, CORS…).</summary>
    private static readonly HashSet<string> PassThroughMiddleware = new(StringComparer.Ordinal)
    {
        "json", "urlencoded", "raw", "text", "cors", "helmet", "morgan", "compression", "cookieParser", "bodyParser", "pinoHttp", "pino",
        "session", "rateLimit", "initialize", "requestId", "responseTime", "hpp", "xss", "mongoSanitize", "timeout", "logger", "multer",
        "fileUpload", "methodOverride", "csurf", "favicon", "serveFavicon", "expressWinston", "httpLogger", "koaBody", "bodyparser",
    };

    /// <summary>Calls and names that mean a handler talks to a database or cache.</summary>
    private static readonly HashSet<string> DependencyCalls = new(StringComparer.Ordinal)
    {
        "ping", "query", "command", "$queryRaw", "$queryRawUnsafe", "authenticate", "$runCommandRaw", "listCollections", "raw", "execute", "get",
    };

    private static readonly HashSet<string> DependencyNames = new(StringComparer.Ordinal)
    {
        "mongoose", "prisma", "knex", "sequelize", "redis", "pool", "db", "mongo", "pg", "dataSource", "AppDataSource",
    };

    /// <summary>Names an app or router usually has where we did not see it created (a parameter, an import).</summary>
    private static readonly HashSet<string> AppNames = new(StringComparer.Ordinal) { "app", "application", "server", "router", "api", "routes", "fastify", "instance" };

    private readonly Dictionary<string, string> objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> prefixes = new(StringComparer.Ordinal);
    private readonly List<RouteRegistration> routes = [];
    private readonly List<RouteMount> mounts = [];
    private readonly Dictionary<string, (string, string)> imports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> exports = new(StringComparer.Ordinal);
    private readonly HashSet<string> appFactories = new(StringComparer.Ordinal);     // express, Fastify
    private readonly HashSet<string> routerFactories = new(StringComparer.Ordinal);  // Router (express)
    private readonly HashSet<string> expressModules = new(StringComparer.Ordinal);   // express (for express.Router())
    private readonly HashSet<string> newables = new(StringComparer.Ordinal);         // Koa, @koa/router

    private enum Step { Import, Bind, Call, New, Export, ExportNamed }

    /// <summary>A fact to apply once the walk is over. Data, not a closure: there is one per call or binding of every file.</summary>
    private readonly record struct Event(int Start, int Seq, Step Step, Node Node, Node? Init = null, string? Name = null);

    /// <summary>The walk visits nodes in no particular order; events are replayed in source order, so a
    /// router is known as one before its routes are read.</summary>
    private readonly List<Event> events = [];

    private void Later(Step step, Node node, Node? init = null, string? name = null) => events.Add(new Event(node.Start, events.Count, step, node, init, name));

    public HttpRouting Result()
    {
        events.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Seq.CompareTo(b.Seq));
        foreach (var e in events)
        {
            switch (e.Step)
            {
                case Step.Import: ApplyImport((ImportDeclaration)e.Node); break;
                case Step.Bind: ApplyBind(e.Node, e.Init); break;
                case Step.Call: ApplyCall((CallExpression)e.Node); break;
                case Step.New: Escapes(((NewExpression)e.Node).Arguments, span(e.Node)); break;
                case Step.Export: exports[e.Name!] = ((Identifier)e.Node).Name; break;
                case Step.ExportNamed: ApplyExportNamed((ExportNamedDeclaration)e.Node); break;
            }
        }
        events.Clear();
        return routes.Count + mounts.Count == 0 && objects.Count == 0 && exports.Count == 0
            ? HttpRouting.Empty
            : new HttpRouting
            {
                // Kept for the whole run: empty parts share the empty instance's.
                Objects = Shared(objects, HttpRouting.Empty.Objects),
                Prefixes = Shared(prefixes, HttpRouting.Empty.Prefixes),
                Routes = routes.Select(r => r with { Target = StringPool.Shared(r.Target), Method = StringPool.Shared(r.Method), Path = StringPool.SharedOrNull(r.Path) }).ToArray(),
                Mounts = mounts.Select(m => m with { Target = StringPool.Shared(m.Target), Prefix = StringPool.Shared(m.Prefix), Name = StringPool.SharedOrNull(m.Name) }).ToArray(),
                Imports = imports.Count == 0 ? HttpRouting.Empty.Imports
                    : SmallMap<(string, string)>.Shared(imports.ToDictionary(i => StringPool.Shared(i.Key), i => (StringPool.Shared(i.Value.Item1), StringPool.Shared(i.Value.Item2)), StringComparer.Ordinal)),
                Exports = Shared(exports, HttpRouting.Empty.Exports),
            };
    }

    /// <summary>A table kept for the whole run: the shared empty one, or a copy whose strings are shared.</summary>
    private static IReadOnlyDictionary<string, string> Shared(Dictionary<string, string> table, IReadOnlyDictionary<string, string> empty) =>
        table.Count == 0 ? empty : SmallMap<string>.Shared(table.ToDictionary(e => StringPool.Shared(e.Key), e => StringPool.Shared(e.Value), StringComparer.Ordinal));

    public void Import(ImportDeclaration import) => Later(Step.Import, import);

    private void ApplyImport(ImportDeclaration import)
    {
        var source = import.Source.Value;
        foreach (var s in import.Specifiers)
        {
            var imported = s switch
            {
                ImportSpecifier { Imported: Identifier id } => id.Name,
                ImportNamespaceSpecifier => "*",
                _ => "default",
            };
            Module(s.Local.Name, source, imported);
        }
    }

    /// <summary>`const x = <init>`: factories, apps, routers, and required modules.</summary>
    public void Bind(Node id, Node? init)
    {
        // Only calls (`express()`, `require(…)`, `Router()`) and `new Koa()` bind anything routing cares about.
        if (init is CallExpression or NewExpression) Later(Step.Bind, id, init);
    }

    private void ApplyBind(Node id, Node? init)
    {
        if (init is null) return;
        if (id is ObjectPattern pattern && init is CallExpression { Callee: Identifier { Name: "require" }, Arguments: [StringLiteral required] })
        {
            foreach (var p in pattern.Properties.OfType<Property>())
            {
                if (EnvSchemaReads.PropertyName(p.Key) is { } name && p.Value is Identifier bound) Module(bound.Name, required.Value, name);
            }
            return;
        }
        if (id is not Identifier { Name: var local }) return;
        switch (init)
        {
            case CallExpression { Callee: Identifier { Name: "require" }, Arguments: [StringLiteral source] }:
                Module(local, source.Value, "default");
                break;
            case CallExpression { Callee: CallExpression { Callee: Identifier { Name: "require" }, Arguments: [StringLiteral { Value: "express" or "fastify" or "koa" }] } }:
                objects[local] = "app";
                break;
            case CallExpression { Callee: Identifier factory } when appFactories.Contains(factory.Name):
                objects[local] = "app";
                break;
            case CallExpression { Callee: Identifier factory } when routerFactories.Contains(factory.Name):
                objects[local] = "router";
                break;
            case CallExpression { Callee: MemberExpression { Object: Identifier module, Property: Identifier { Name: "Router" } } } when expressModules.Contains(module.Name):
                objects[local] = "router";
                break;
            case NewExpression { Callee: Identifier type } created when newables.Contains(type.Name):
                objects[local] = imports.TryGetValue(type.Name, out var from) && from.Item1 == "koa" ? "app" : "router";
                if (created.Arguments is [ObjectExpression options, ..]
                    && options.Properties.OfType<Property>().FirstOrDefault(o => EnvSchemaReads.PropertyName(o.Key) == "prefix")?.Value is StringLiteral prefix)
                {
                    prefixes[local] = prefix.Value;
                }
                break;
        }
    }

    private void Module(string local, string source, string export)
    {
        imports[local] = (source, export);
        switch (source, export)
        {
            case ("express", "default"):
                appFactories.Add(local);
                expressModules.Add(local);
                break;
            case ("express", "Router"):
                routerFactories.Add(local);
                break;
            case ("fastify", "default" or "fastify"):
                appFactories.Add(local);
                break;
            case ("koa" or "@koa/router" or "koa-router", _):
                newables.Add(local);
                break;
        }
    }

    public void Call(CallExpression call)
    {
        // Only these calls can matter (see ApplyCall): one that hands an identifier on (an app or router, maybe),
        // `app[m](…)`, or a routing method (`app.get`, `x.route(p).post`, `app.use`…). `console.log('…')` cannot.
        if (HasIdentifier(call.Arguments)
            || call.Callee is MemberExpression { Computed: true }
            || call.Callee is MemberExpression { Property: Identifier { Name: var method } } && (Methods.Contains(method) || RoutingMethods.Contains(method)))
        {
            Later(Step.Call, call);
        }
    }

    /// <summary>Method names ApplyCall acts on (besides the HTTP verbs).</summary>
    private static readonly HashSet<string> RoutingMethods = new(StringComparer.Ordinal)
    {
        "route", "use", "prefix", "register", "mount", "decorate", "addHook", "createServer",
    };

    private static bool HasIdentifier<T>(in NodeList<T> arguments) where T : Node?
    {
        foreach (var arg in arguments)
        {
            if (arg is Identifier) return true;
        }
        return false;
    }

    private void ApplyCall(CallExpression call)
    {
        var at = span(call);
        // `http.createServer((req, res) => …)`: a hand-written router we cannot read; `createServer(app)` is fine.
        if (call.Callee is MemberExpression { Property: Identifier { Name: "createServer" } })
        {
            if (call.Arguments.Any(a => a is IFunction || a is Identifier h && !objects.ContainsKey(h.Name))) Unknown("", at);
            return;
        }
        // An app or router handed to other code (`registerRoutes(app)`, `require('./routes')(app)`,
        // `createTerminus(server, …)`): that code may add routes we do not see.
        if (call.Callee is not MemberExpression { Object: Identifier receiver } || !objects.ContainsKey(receiver.Name)) Escapes(call.Arguments, at);
        if (call.Callee is MemberExpression { Computed: true, Object: Identifier computedOn } && objects.ContainsKey(computedOn.Name))
        {
            Unknown(computedOn.Name, at); // `app[r.method](r.path, r.handler)`
            return;
        }
        if (call.Callee is not MemberExpression { Computed: false, Property: Identifier { Name: var method } } callee) return;
        // `app.route('/x').post(h).get(h)` (Express) registers every verb of the chain on the path given to route().
        if (Methods.Contains(method) && RouteChainRoot(callee.Object) is var (chained, routePath) && objects.ContainsKey(chained))
        {
            routes.Add(new RouteRegistration(chained, method, Literal(routePath), at, Touches(call.Arguments.LastOrDefault())));
            return;
        }
        if (callee.Object is not Identifier { Name: var target }) return;
        if (!objects.ContainsKey(target))
        {
            // Routes on an app we did not see created (imported, a parameter): routing is not fully known.
            // Only receivers that look like an app: imported from a relative module or named like one; `passport.use(…)` is not routing.
            var appLike = imports.TryGetValue(target, out var origin) && origin.Item1.StartsWith('.') || AppNames.Contains(target);
            if (appLike && (method is "use" or "route" || Methods.Contains(method) && call.Arguments is [StringLiteral { Value: ['/', ..] }, .., IFunction or Identifier])) Unknown("", at);
            return;
        }
        if (Methods.Contains(method) && call.Arguments.Count >= 1 && call.Arguments[0] is not (ObjectExpression or IFunction))
        {
            if (call.Arguments[0] is ArrayExpression paths)
            {
                foreach (var path in paths.Elements) routes.Add(new RouteRegistration(target, method, Literal(path), at, Touches(call.Arguments[^1])));
            }
            else
            {
                routes.Add(new RouteRegistration(target, method, Literal(call.Arguments[0]), at, Touches(call.Arguments[^1])));
            }
        }
        else if (method == "route" && call.Arguments is [ObjectExpression options, ..])
        {
            // Duplicate keys are valid JS (the last one wins).
            var props = new Dictionary<string, Node>(StringComparer.Ordinal);
            foreach (var p in options.Properties.OfType<Property>()) props[EnvSchemaReads.PropertyName(p.Key) ?? ""] = p.Value;
            var verb = (props.GetValueOrDefault("method") as StringLiteral)?.Value.ToLowerInvariant() ?? "get";
            routes.Add(new RouteRegistration(target, verb, Literal(props.GetValueOrDefault("url") ?? props.GetValueOrDefault("path")), at, Touches(props.GetValueOrDefault("handler"))));
        }
        else if (method == "prefix" && call.Arguments is [StringLiteral routerPrefix])
        {
            prefixes[target] = routerPrefix.Value; // koa-router `router.prefix('/v1')`
        }
        else if (method == "use")
        {
            var args = call.Arguments.ToList();
            var prefix = "";
            if (args.Count > 0 && args[0] is StringLiteral p) { prefix = p.Value; args.RemoveAt(0); }
            else if (args.Count > 0 && args[0] is not (Identifier or CallExpression or IFunction or MemberExpression)) { Unknown(target, at); return; }
            foreach (var arg in args) mounts.Add(Mount(target, prefix, arg, call));
        }
        else if (method is "register" or "mount" or "decorate" or "addHook")
        {
            if (method is "register" or "mount") Unknown(target, at); // Fastify plugins: routes we do not follow
        }
    }

    /// <summary>`NewExpression` arguments: `new ExpressAdapter(server)` hands the app to a framework.</summary>
    public void New(NewExpression created)
    {
        if (HasIdentifier(created.Arguments)) Later(Step.New, created);
    }

    private void Escapes(IEnumerable<Node> arguments, SourceSpan at)
    {
        foreach (var arg in arguments)
        {
            if (arg is Identifier id && objects.ContainsKey(id.Name)) Unknown(id.Name, at);
        }
    }

    private void Unknown(string target, SourceSpan at) => mounts.Add(new RouteMount(target, "", "unknown", null, at));

    /// <summary>The `x.route(path)` a method chain starts from (`x.route('/a').post(h).get(h)`), if any.</summary>
    private static (string Target, Node Path)? RouteChainRoot(Node node)
    {
        for (var depth = 0; depth < 16 && node is CallExpression { Callee: MemberExpression { Computed: false } member } chainCall; depth++)
        {
            if (member is { Object: Identifier owner, Property: Identifier { Name: "route" } } && chainCall.Arguments is [var path, ..]) return (owner.Name, path);
            node = member.Object;
        }
        return null;
    }

    private RouteMount Mount(string target, string prefix, Node arg, CallExpression call)
    {
        var at = span(call);
        switch (arg)
        {
            case Identifier id when objects.ContainsKey(id.Name):
                return new RouteMount(target, prefix, "local", id.Name, at);
            case Identifier id when imports.ContainsKey(id.Name):
                return PassThroughMiddleware.Contains(id.Name) ? new RouteMount(target, prefix, "middleware", null, at)
                    : IsPackage(imports[id.Name].Item1) ? new RouteMount(target, prefix, "unknown", null, at) // a health library may answer
                    : new RouteMount(target, prefix, "import", id.Name, at);
            // Koa: `app.use(router.routes())`.
            case CallExpression { Callee: MemberExpression { Object: Identifier router, Property: Identifier { Name: "routes" } } } when objects.ContainsKey(router.Name):
                return new RouteMount(target, prefix, "local", router.Name, at);
            case CallExpression { Callee: MemberExpression { Property: Identifier { Name: "allowedMethods" } } }:
                return new RouteMount(target, prefix, "middleware", null, at);
            case CallExpression { Callee: Identifier f } when PassThroughMiddleware.Contains(f.Name):
                return new RouteMount(target, prefix, "middleware", null, at);
            case CallExpression { Callee: MemberExpression { Property: Identifier f } } when PassThroughMiddleware.Contains(f.Name):
                return new RouteMount(target, prefix, "middleware", null, at);
            case CallExpression { Callee: MemberExpression { Object: Identifier owner, Property: Identifier { Name: "static" } } } when expressModules.Contains(owner.Name):
                return new RouteMount(target, prefix, "unknown", null, at); // answers any path that is a file (`/` with index.html)
            case IFunction fn when fn.Params.Count >= 4:
                return new RouteMount(target, prefix, "middleware", null, at); // error handler
            case IFunction fn when CallsNext(fn) && !Responds(fn):
                return new RouteMount(target, prefix, "middleware", null, at);
            case IFunction when prefix.Length > 0:
                return new RouteMount(target, prefix, "handler", null, at);
            default:
                return new RouteMount(target, prefix, "unknown", null, at);
        }
    }

    /// <summary>`module.exports = x`, `export default x`, `export { x }`, `exports.name = x`.</summary>
    public void Export(string name, Node? value)
    {
        if (value is Identifier id) Later(Step.Export, id, name: name);
    }

    public void ExportNamed(ExportNamedDeclaration exp) => Later(Step.ExportNamed, exp);

    private void ApplyExportNamed(ExportNamedDeclaration exp)
    {
        foreach (var s in exp.Specifiers)
        {
            if (s.Local is Identifier local && s.Exported is Identifier exported) exports[exported.Name] = local.Name;
        }
        if (exp.Declaration is VariableDeclaration decl)
        {
            foreach (var d in decl.Declarations)
            {
                if (d.Id is Identifier id) exports[id.Name] = id.Name;
            }
        }
    }

    private static bool IsPackage(string specifier) => !specifier.StartsWith('.') && !specifier.StartsWith('/') && !specifier.StartsWith('#');

    private static string? Literal(Node? node) => node switch
    {
        StringLiteral s => s.Value,
        TemplateLiteral { Expressions.Count: 0 } t => t.Quasis[0].Value.Cooked,
        _ => null,
    };

    /// <summary>Answers some requests itself (`if (req.path === '/healthz') return res.send('ok')`).</summary>
    private static bool Responds(IFunction fn) => Any(fn.Body, n => n switch
    {
        CallExpression { Callee: MemberExpression { Property: Identifier { Name: "send" or "json" or "end" or "sendStatus" or "sendFile" or "redirect" or "render" or "status" or "writeHead" } } } => true,
        AssignmentExpression { Left: MemberExpression { Property: Identifier { Name: "body" or "status" } } } => true, // Koa `ctx.body =`
        _ => false,
    });

    private static bool CallsNext(IFunction fn) =>
        fn.Params.Count >= 3 && fn.Params[2] is Identifier next && Any(fn.Body, n => n is CallExpression { Callee: Identifier callee } && callee.Name == next.Name);

    /// <summary>An inline handler that queries a database or cache (bounded scan).</summary>
    private static bool Touches(Node? handler) =>
        handler is IFunction fn && Any(fn.Body, n => n switch
        {
            // `db.command({ ping: 1 })`, `redis.ping()`, `pool.query('SELECT 1')`, `prisma.$queryRaw`
            CallExpression { Callee: MemberExpression { Object: var owner, Property: Identifier call } } =>
                DependencyCalls.Contains(call.Name) && Root(owner) is { } name && DependencyNames.Contains(name) || Root(owner) is "mongoose" or "prisma",
            _ => false,
        });

    private static string? Root(Node node)
    {
        while (node is MemberExpression m) node = m.Object;
        return (node as Identifier)?.Name;
    }

    private static bool Any(Node? root, Func<Node, bool> test)
    {
        if (root is null) return false;
        var pending = new Stack<Node>();
        pending.Push(root);
        for (var budget = 5_000; pending.Count > 0 && budget > 0; budget--)
        {
            var node = pending.Pop();
            if (test(node)) return true;
            foreach (var child in node.ChildNodes) pending.Push(child);
        }
        return false;
    }
}
