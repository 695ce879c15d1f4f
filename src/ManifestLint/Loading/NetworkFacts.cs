using Acornima;
using Acornima.Ast;
using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Collects a file's networking facts during the extractor's walk: URL and `host:` literals
/// (where the code connects) and `.listen(...)` calls (where it serves). Bindings are resolved at the
/// end, so declaration order does not matter.</summary>
internal sealed partial class NetworkFacts(Func<Node, SourceSpan> span, Func<Node, string?> envNameOf)
{
    private readonly List<HostLiteral> hosts = [];
    private readonly List<CallExpression> listens = [];
    private readonly Dictionary<string, Node> bindings = new(StringComparer.Ordinal);
    private readonly HashSet<string> fastifyFactories = new(StringComparer.Ordinal);
    private readonly HashSet<string> ambiguous = new(StringComparer.Ordinal);

    /// <summary>`x = …` after the declaration: bindings of x are no longer trusted.</summary>
    public void Assign(Identifier name) => ambiguous.Add(name.Name);

    /// <summary>Property keys under which a URL or host is something the code connects to.</summary>
    private static readonly HashSet<string> ConnectionKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "url", "uri", "baseURL", "host", "hostname", "connectionString", "connectionUri", "connection", "server", "servers",
        "endpoint", "endpoints", "broker", "brokers", "nodes", "node", "target", "proxy", "upstream", "backend", "dsn", "address",
        "hosts", "seeds", "contactPoints", "bootstrapServers", "urls",
    };

    /// <summary>Calls whose string arguments are messages, patterns or responses, not connection targets.</summary>
    private static readonly HashSet<string> NonConnectingCalls = new(StringComparer.Ordinal)
    {
        "log", "info", "warn", "error", "debug", "trace", "fatal", "Error", "TypeError", "RangeError", "SyntaxError",
        "startsWith", "endsWith", "includes", "indexOf", "lastIndexOf", "match", "matchAll", "replace", "replaceAll", "split",
        "test", "exec", "redirect", "set", "header", "setHeader", "append", "send", "json", "write", "end", "render", "status",
        "default", "catch", "describe", "example", "push", "concat", "join", "format", "t", "equal", "toBe", "toEqual", "expect",
        "assert", "has", "sendFile", "location", "cookie", "emit",
    };

    /// <summary>Keys of per-environment config blocks that a production container does not use.</summary>
    private static readonly HashSet<string> DevelopmentKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "development", "dev", "test", "testing", "local", "ci", "e2e",
    };

    private static readonly string[] BrowserWords = ["origin", "cors", "redirect", "callback", "public", "frontend", "client", "browser", "allowed", "whitelist", "allowlist", "csp", "src"];

    /// <summary>Cheap test before <see cref="Literal"/> (and before its caller collects ancestors): a URL has a scheme.</summary>
    public static bool MayBeUrl(string? text) => text is not null && text.Contains("://", StringComparison.Ordinal);

    /// <summary>Cheap test before <see cref="Property"/>: `host:` / `hostname:` with a string value.</summary>
    public static bool IsHostProperty(Property property) =>
        property is { Computed: false, Value: StringLiteral } && EnvSchemaReads.PropertyName(property.Key) is "host" or "hostname";

    /// <summary>A URL literal (`'mongodb://mongo:27017/db'`), kept when the code connects to it: a call
    /// argument (not a log line, message or string test), a connection-named property or variable, or the
    /// fallback of an env read.</summary>
    public void Literal(Node node, string text, IReadOnlyList<Node?> ancestors)
    {
        text = text.Trim();
        if (text.Length > 2048 || text.Any(char.IsWhiteSpace) || !UrlStart().IsMatch(text)) return;
        if (Context(node, ancestors, 0) is var (context, fallbackFor) && context is not null)
        {
            hosts.Add(new HostLiteral(text, span(node), false, fallbackFor, context));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*[^:/?#]([/?#]|$)")]
    private static partial System.Text.RegularExpressions.Regex UrlStart();

    /// <summary>(context name, env variable it falls back for); context null: not a connection target.</summary>
    private (string? Context, string? FallbackFor) Context(Node node, IReadOnlyList<Node?> ancestors, int depth)
    {
        var parent = depth < ancestors.Count ? ancestors[depth] : null;
        switch (parent)
        {
            case LogicalExpression { Operator: Operator.LogicalOr or Operator.NullishCoalescing } logical when logical.Right == node:
                if (envNameOf(logical.Left) is { } env) return (env, env);
                return Context(parent, ancestors, depth + 1); // `config.url || 'http://…'`: judged by where the whole goes
            case AssignmentPattern { Left: Identifier name } pattern when pattern.Right == node:
                return (name.Name, name.Name); // `const { MONGO_URL = '…' } = process.env`
            case CallExpression call when call.Arguments.Contains(node):
                return CalleeName(call.Callee) is { } callee && (NonConnectingCalls.Contains(callee) || callee == "URL" && call.Arguments[0] != node) ? (null, null) : ("call", null);
            case NewExpression created when created.Arguments.Contains(node):
                return CalleeName(created.Callee) is { } type && (NonConnectingCalls.Contains(type) || type == "URL" && created.Arguments[0] != node) ? (null, null) : ("call", null);
            case Property { Computed: false } property when property.Value == node:
                var key = EnvSchemaReads.PropertyName(property.Key);
                return key is not null && ConnectionKey(key) && !InDevelopmentBlock(ancestors, depth + 1) ? (key, null) : (null, null);
            case ArrayExpression when depth + 1 < ancestors.Count && ancestors[depth + 1] is Property { Computed: false } list:
                var listKey = EnvSchemaReads.PropertyName(list.Key);
                return listKey is not null && ConnectionKey(listKey) && !InDevelopmentBlock(ancestors, depth + 2) ? (listKey, null) : (null, null);
            case VariableDeclarator { Id: Identifier variable } when AddressName(variable.Name):
                return (variable.Name, null);
            case AssignmentExpression { Left: Identifier assigned } when AddressName(assigned.Name):
                return (assigned.Name, null);
            case AssignmentExpression { Left: MemberExpression { Computed: false, Property: Identifier member } } when AddressName(member.Name):
                return (member.Name, null);
            default:
                return (null, null);
        }
    }

    private static string? CalleeName(Node callee) => callee switch
    {
        Identifier id => id.Name,
        MemberExpression { Computed: false, Property: Identifier p } => p.Name,
        _ => null,
    };

    private static bool ConnectionKey(string key) =>
        !Browser(key) && (ConnectionKeys.Contains(key) || key.EndsWith("Url", StringComparison.Ordinal) || key.EndsWith("Uri", StringComparison.Ordinal)
            || key.EndsWith("Host", StringComparison.Ordinal) || key.EndsWith("Endpoint", StringComparison.Ordinal));

    /// <summary>Names like `MONGO_URL`, `ordersApiUrl`, `DB_HOST`, `dsn` (and not browser-facing ones).</summary>
    private static bool AddressName(string name) =>
        !Browser(name) && new[] { "url", "uri", "host", "endpoint", "dsn", "conn", "addr", "server", "broker" }.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static bool Browser(string name) => BrowserWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>Inside `development: { … }` / `test: { … }` of a per-environment config object.</summary>
    private static bool InDevelopmentBlock(IReadOnlyList<Node?> ancestors, int from)
    {
        for (var i = from; i < ancestors.Count; i++)
        {
            if (ancestors[i] is Property { Computed: false } p && EnvSchemaReads.PropertyName(p.Key) is { } key && DevelopmentKeys.Contains(key)) return true;
        }
        return false;
    }

    /// <summary>A template literal counts when its host part is literal: `http://orders:8080/${id}`.</summary>
    public void Template(TemplateLiteral template, IReadOnlyList<Node?> ancestors)
    {
        var head = template.Quasis[0].Value.Cooked ?? "";
        if (template.Quasis.Count == 1) { Literal(template, head, ancestors); return; }
        var scheme = head.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return;
        var authorityEnd = head.IndexOfAny(['/', '?', '#'], scheme + 3);
        if (authorityEnd < 0) return; // `http://${host}` or `http://orders:${port}`: not literal
        Literal(template, head[..authorityEnd], ancestors);
    }

    /// <summary>`{ host: 'cache' }` / `{ hostname: 'cache' }`, outside development/test config blocks.</summary>
    public void Property(Property property, IReadOnlyList<Node?> ancestors)
    {
        if (property is { Computed: false, Value: StringLiteral value }
            && EnvSchemaReads.PropertyName(property.Key) is "host" or "hostname" && !InDevelopmentBlock(ancestors, 0))
        {
            hosts.Add(new HostLiteral(value.Value.Trim(), span(value), true, null, "host"));
        }
    }

    public void Call(CallExpression call)
    {
        if (call.Callee is MemberExpression { Computed: false, Property: Identifier { Name: "listen" or "bindAsync" } }) listens.Add(call);
    }

    public void Bind(Identifier name, Node? init)
    {
        if (init is null) return;
        // Declared twice (shadowing in another scope) or reassigned: the value at the listen call is unknown.
        if (!bindings.TryAdd(name.Name, init)) ambiguous.Add(name.Name);
        if (init is CallExpression { Callee: Identifier { Name: "require" }, Arguments: [StringLiteral { Value: "fastify" }] }) fastifyFactories.Add(name.Name);
    }

    public void Import(ImportDeclaration import)
    {
        if (import.Source.Value != "fastify") return;
        foreach (var s in import.Specifiers)
        {
            if (s is ImportDefaultSpecifier || s is ImportSpecifier { Imported: Identifier { Name: "fastify" or "default" } }) fastifyFactories.Add(s.Local.Name);
        }
    }

    public IReadOnlyList<HostLiteral> Hosts => hosts.OrderBy(h => h.Span.StartLine).ThenBy(h => h.Span.StartColumn).ToList();

    public IReadOnlyList<ListenCall> Listens() => listens.OrderBy(c => c.Start).Select(Resolve).ToList();

    private ListenCall Resolve(CallExpression call)
    {
        var member = (MemberExpression)call.Callee;
        if (member.Property is Identifier { Name: "bindAsync" })
        {
            // gRPC `server.bindAsync('0.0.0.0:50051', credentials, callback)`.
            var address = call.Arguments.Count > 0 ? call.Arguments[0] as StringLiteral : null;
            var colon = address?.Value.LastIndexOf(':') ?? -1;
            var grpcPort = colon >= 0 && int.TryParse(address!.Value[(colon + 1)..], out var p) ? p : (int?)null;
            return new ListenCall(span(call), grpcPort, null, null, grpcPort is not null, colon > 0 ? address!.Value[..colon] : null, true, false);
        }
        var target = member.Object;
        var fastify = IsFastifyInstance(target);
        PortValue port = default;
        string? host = null;
        var hostGiven = false;
        var arguments = call.Arguments.ToList();
        if (arguments is [Identifier named, ..] && !ambiguous.Contains(named.Name) && bindings.GetValueOrDefault(named.Name) is ObjectExpression bound) arguments[0] = bound;
        switch (arguments)
        {
            case [ObjectExpression options, ..]:
                if (options.Properties.Any(p => p is SpreadElement)) hostGiven = true; // `{ ...base, port }`: the host may be in base
                foreach (var p in options.Properties.OfType<Property>())
                {
                    switch (EnvSchemaReads.PropertyName(p.Key))
                    {
                        case "port": port = Port(p.Value, 0); break;
                        case "host": hostGiven = true; host = (p.Value as StringLiteral)?.Value; break;
                        case "path": port = PortValue.Unknown; hostGiven = true; break; // a Unix socket: no host, not loopback
                    }
                }
                break;
            case [var unread, ..] when fastify && !Port(unread, 0).Known:
                port = PortValue.Unknown;
                hostGiven = true; // options (or a port) we cannot read: the host may be in them
                break;
            case [var first, ..]:
                port = Port(first, 0);
                if (arguments.Count > 1 && arguments[1] is not (IFunction or Identifier { Name: "undefined" }))
                {
                    hostGiven = arguments[1] is not NumericLiteral; // listen(port, backlog)
                    host = (arguments[1] as StringLiteral)?.Value;
                }
                break;
            default:
                port = PortValue.Unknown; // listen(): a random port
                break;
        }
        return new ListenCall(span(call), port.Literal, port.Env, port.Default, port.Known, host, hostGiven, fastify);
    }

    private bool IsFastifyInstance(Node target)
    {
        for (var depth = 0; depth < 8 && target is Identifier id && bindings.TryGetValue(id.Name, out var init); depth++)
        {
            if (init is AwaitExpression awaited) init = awaited.Argument;
            if (init is CallExpression { Callee: Identifier factory } && fastifyFactories.Contains(factory.Name)) return true;
            if (init is CallExpression { Callee: CallExpression { Callee: Identifier { Name: "require" }, Arguments: [StringLiteral { Value: "fastify" }] } }) return true;
            target = init;
        }
        return false;
    }

    private readonly record struct PortValue(int? Literal, string? Env, int? Default, bool Known)
    {
        public static PortValue Unknown => new(null, null, null, false);
    }

    /// <summary>`3000`, `process.env.PORT`, `process.env.PORT || 3000`, `Number(...)`, or a const bound to one.</summary>
    private PortValue Port(Node node, int depth)
    {
        if (depth > 8) return PortValue.Unknown;
        switch (node)
        {
            case NumericLiteral n when n.Value is > 0 and < 65536 && n.Value == Math.Floor(n.Value):
                return new((int)n.Value, null, null, true);
            case StringLiteral s when int.TryParse(s.Value, out var sp):
                return new(sp, null, null, true);
            case LogicalExpression { Operator: Operator.LogicalOr or Operator.NullishCoalescing } logical:
                var left = Port(logical.Left, depth + 1);
                var right = Port(logical.Right, depth + 1);
                return left.Env is not null && right.Literal is { } d && left.Default is null ? left with { Default = d }
                    : left.Literal is not null ? left : PortValue.Unknown;
            case CallExpression { Callee: Identifier { Name: "Number" or "parseInt" or "parseFloat" } or MemberExpression { Object: Identifier { Name: "Number" } }, Arguments: [var arg, ..] }:
                return Port(arg, depth + 1);
            case UnaryExpression { Operator: Operator.UnaryPlus } plus:
                return Port(plus.Argument, depth + 1);
            case Identifier id when !ambiguous.Contains(id.Name) && bindings.TryGetValue(id.Name, out var init):
                return Port(init, depth + 1);
            case MemberExpression member when envNameOf(member) is { } env:
                return new(null, env, null, true);
            default:
                return PortValue.Unknown;
        }
    }
}
