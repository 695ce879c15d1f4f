using Acornima;
using Acornima.Ast;
using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Collects a file's networking facts during the extractor's walk: URL and `host:` literals
/// (where the code connects) and `.listen(...)` calls (where it serves). Bindings are resolved at the
/// end, so declaration order does not matter.</summary>
internal sealed class NetworkFacts(Func<Node, SourceSpan> span, Func<Node, string?> envNameOf)
{
    private readonly List<HostLiteral> hosts = [];
    private readonly List<CallExpression> listens = [];
    private readonly Dictionary<string, Node> bindings = new(StringComparer.Ordinal);
    private readonly HashSet<string> fastifyFactories = new(StringComparer.Ordinal);

    /// <summary>A string literal: kept when it is a URL (`'mongodb://mongo:27017/db'`).</summary>
    public void Literal(Node node, string text, Node? parent, Node? grandparent)
    {
        if (!text.Contains("://", StringComparison.Ordinal) || text.Length > 2048) return;
        var fallbackFor = FallbackFor(node, parent);
        hosts.Add(new HostLiteral(text.Trim(), span(node), false, fallbackFor, fallbackFor ?? NameOf(parent) ?? (parent is ArrayExpression ? NameOf(grandparent) : null)));
    }

    /// <summary>The name a value is given: a property key, a declared variable, an assigned member.</summary>
    private static string? NameOf(Node? holder) => holder switch
    {
        Property { Computed: false } p => EnvSchemaReads.PropertyName(p.Key),
        VariableDeclarator { Id: Identifier id } => id.Name,
        AssignmentExpression { Left: MemberExpression { Computed: false, Property: Identifier member } } => member.Name,
        AssignmentExpression { Left: Identifier assigned } => assigned.Name,
        _ => null,
    };

    /// <summary>A template literal counts when its host part is literal: `http://orders:8080/${id}`.</summary>
    public void Template(TemplateLiteral template, Node? parent, Node? grandparent)
    {
        var head = template.Quasis[0].Value.Cooked ?? "";
        if (template.Quasis.Count == 1) { Literal(template, head, parent, grandparent); return; }
        var scheme = head.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return;
        var authorityEnd = head.IndexOfAny(['/', '?', '#'], scheme + 3);
        if (authorityEnd < 0) return; // `http://${host}` or `http://orders:${port}`: not literal
        Literal(template, head[..authorityEnd], parent, grandparent);
    }

    /// <summary>`{ host: 'cache' }` / `{ hostname: 'cache' }`.</summary>
    public void Property(Property property)
    {
        if (property is { Computed: false, Value: StringLiteral value }
            && EnvSchemaReads.PropertyName(property.Key) is "host" or "hostname")
        {
            hosts.Add(new HostLiteral(value.Value.Trim(), span(value), true, null, "host"));
        }
    }

    public void Call(CallExpression call)
    {
        if (call.Callee is MemberExpression { Computed: false, Property: Identifier { Name: "listen" } }) listens.Add(call);
    }

    public void Bind(Identifier name, Node? init)
    {
        if (init is null) return;
        bindings.TryAdd(name.Name, init);
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

    public IReadOnlyList<HostLiteral> Hosts => hosts;

    public IReadOnlyList<ListenCall> Listens() => listens.Select(Resolve).ToList();

    private ListenCall Resolve(CallExpression call)
    {
        var target = ((MemberExpression)call.Callee).Object;
        var fastify = IsFastifyInstance(target);
        PortValue port = default;
        string? host = null;
        var hostGiven = false;
        switch (call.Arguments)
        {
            case [ObjectExpression options, ..]:
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
            case [var first, ..]:
                port = Port(first, 0);
                if (call.Arguments.Count > 1 && call.Arguments[1] is not (IFunction or Identifier { Name: "undefined" }))
                {
                    hostGiven = call.Arguments[1] is not NumericLiteral; // listen(port, backlog)
                    host = (call.Arguments[1] as StringLiteral)?.Value;
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
            case Identifier id when bindings.TryGetValue(id.Name, out var init):
                return Port(init, depth + 1);
            case MemberExpression member when envNameOf(member) is { } env:
                return new(null, env, null, true);
            default:
                return PortValue.Unknown;
        }
    }

    /// <summary>`process.env.X || '<literal>'`: the literal applies only when X is unset.</summary>
    private string? FallbackFor(Node node, Node? parent) =>
        parent is LogicalExpression { Operator: Operator.LogicalOr or Operator.NullishCoalescing } logical && logical.Right == node
            ? envNameOf(logical.Left)
            : null;
}
