using Acornima;
using Acornima.Ast;
using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Walks one AST (explicit stack, no recursion) and collects the facts rules need:
/// free uses of CommonJS globals, ESM syntax, dependencies, and `process.env` reads. Scope-aware
/// for the tracked names only, which keeps the walk cheap.</summary>
/// <summary>What one walk of a file yields.</summary>
internal readonly record struct JsFacts(IReadOnlyList<CjsGlobalUse> Globals, EsmSyntaxUse? Esm, IReadOnlyList<ModuleDependency> Deps, IReadOnlyList<EnvRead> Env, int DynamicEnvReads);

/// <param name="mentionsProcess">The text contains `process`: without it no variable can alias an env value, and the
/// uses of plain identifiers (which only such aliases make env reads) are not classified.</param>
internal sealed class JsFactsExtractor(string file, bool scanEnvAliases = true, bool mentionsProcess = true)
{
    /// <summary>Cheap text test: can the file bind the env object or env-var to a local at all? Most files
    /// cannot, and then the alias pre-pass over the AST is skipped.</summary>
    public static bool MayAliasEnv(string text) =>
        text.Contains("env-var", StringComparison.Ordinal) || text.Contains("zod", StringComparison.Ordinal)
        || (text.Contains("process", StringComparison.Ordinal)
            && (text.Contains("= process", StringComparison.Ordinal) || text.Contains("=process", StringComparison.Ordinal)
                || text.Contains("'node:process'", StringComparison.Ordinal) || text.Contains("\"node:process\"", StringComparison.Ordinal)
                || text.Contains("'process'", StringComparison.Ordinal) || text.Contains("\"process\"", StringComparison.Ordinal)));

    /// <summary>A node of the walk with its parent chain and scope: an index into <see cref="FrameStore"/>, so the walk
    /// allocates nothing per node (a class per node was 6 % of all allocations).</summary>
    private readonly struct Frame(FrameStore store, int index)
    {
        public Node Node => store.Nodes[index].Node;
        public JsScope Scope => store.Scopes[index];
        public Frame? Parent => store.Parents[index] is var p && p >= 0 ? new Frame(store, p) : null;
        public int Index => index;
    }

    /// <summary>Every frame of one file's walk; one store per thread, reused file after file and cleared after each
    /// (so it keeps no AST alive). A store grown by a huge file (a bundle) is not kept.</summary>
    private sealed class FrameStore
    {
        [ThreadStatic] private static FrameStore? cached;

        // Nodes in a struct: storing into a Node[] checks the element's type (array covariance) on every write.
        public NodeSlot[] Nodes = new NodeSlot[256];
        public int[] Parents = new int[256];
        public JsScope[] Scopes = new JsScope[256];
        /// <summary>The walk's work list and the pattern walk's, reused from file to file like the arrays.</summary>
        public readonly Stack<Frame> Pending = new(256);
        public readonly Stack<Node> Patterns = new(16);
        private int count;

        public static FrameStore Rent()
        {
            var store = cached ?? new FrameStore();
            cached = null;
            return store;
        }

        public void Return()
        {
            Array.Clear(Nodes, 0, count);
            Array.Clear(Scopes, 0, count);
            Pending.Clear();
            Patterns.Clear();
            count = 0;
            cached = Nodes.Length <= 1 << 16 ? this : null;
        }

        public Frame Add(Node node, Frame? parent, JsScope scope)
        {
            if (count == Nodes.Length)
            {
                Array.Resize(ref Nodes, count * 2);
                Array.Resize(ref Parents, count * 2);
                Array.Resize(ref Scopes, count * 2);
            }
            Nodes[count].Node = node;
            Parents[count] = parent?.Index ?? -1;
            Scopes[count] = scope;
            return new Frame(this, count++);
        }
    }

    private struct NodeSlot
    {
        public Node Node;
    }

    private FrameStore frames = null!;
    private Stack<Frame> stack = null!;
    private readonly List<(Identifier Id, JsScope Scope)> globalRefs = [];
    private readonly List<(EnvRead Read, JsScope Scope)> envReads = [];
    private readonly List<ModuleDependency> dependencies = [];
    private readonly List<(string Keyword, SourceSpan Span)> esmSyntax = [];
    private readonly List<(Identifier Id, JsScope Scope)> typeofChecks = [];
    private readonly List<(string Local, string EnvName, JsScope Scope)> envAliases = [];
    private readonly List<(Identifier Id, EnvReadKind Kind)> aliasUses = [];
    private NetworkFacts? network;
    private RouteFacts? routing;
    private bool opaqueModuleExports;
    private bool namedCjsExports;
    private SourceSpan? importMeta;
    private SourceSpan? topLevelAwait;

    public SourceSpan? ImportMeta => importMeta;

    /// <summary>`module.exports = <opaque value>` with no named export assignments anywhere.</summary>
    public CjsExportShape ExportShape => opaqueModuleExports && !namedCjsExports ? CjsExportShape.Opaque : CjsExportShape.Visible;

    public SourceSpan? TopLevelAwait => topLevelAwait;

    /// <summary>URL/host literals and listen calls.</summary>
    public NetworkFacts Network => network ??= new NetworkFacts(Span, EnvReadName);

    /// <summary>HTTP apps, routers, routes and mounts.</summary>
    public RouteFacts Routing => routing ??= new RouteFacts(Span);

    /// <summary>The variable a node reads, when it is `process.env.X` (or an env-object alias's `.X`).</summary>
    private string? EnvReadName(Node node) => node is MemberExpression m && IsProcessEnv(m.Object) ? EnvName(m) : null;

    public JsFacts Extract(Node program)
    {
        var root = new JsScope(null, isFunction: true) { IsProgram = true };
        if (scanEnvAliases) CollectEnvObjectAliases(program);
        frames = FrameStore.Rent();
        stack = frames.Pending;
        try
        {
            stack.Push(frames.Add(program, null, root));
            while (stack.Count > 0) Visit(stack.Pop());
        }
        finally
        {
            frames.Return();
        }

        // Code that tests `typeof require` (or another CommonJS global) is written to run as both
        // module kinds; its guarded uses never execute in ESM.
        var dualMode = typeofChecks.Any(t => t.Id.Name != "process" && t.Scope.IsFree(t.Id.Name));
        var globals = globalRefs
            .Where(r => !dualMode && r.Id.Name != "process" && r.Scope.IsFree(r.Id.Name))
            .GroupBy(r => r.Id.Name)
            .Select(g =>
            {
                var first = g.MinBy(r => r.Id.Start)!;
                return new CjsGlobalUse(g.Key, Span(first.Id), g.Count());
            })
            .OrderBy(u => u.Span.StartLine).ThenBy(u => u.Span.StartColumn)
            .ToList();
        var esm = esmSyntax.Count == 0
            ? null
            : esmSyntax.OrderBy(e => e.Span.StartLine).ThenBy(e => e.Span.StartColumn)
                .Select(e => new EsmSyntaxUse(e.Keyword, e.Span, esmSyntax.Count)).First();
        // `const { PORT } = process.env; ... PORT || 3000` and `const port = process.env.PORT; port ?? 80`:
        // a later fallback or test on the alias counts for the variable.
        var aliases = envAliases.Where(a => a.Scope.IsFree("process")).GroupBy(a => a.Local).ToDictionary(g => g.Key, g => g.First().EnvName);
        foreach (var (id, kind) in aliasUses)
        {
            if (aliases.TryGetValue(id.Name, out var envName)) envReads.Add((new EnvRead(envName, kind, Span(id)), null!));
        }
        var env = envReads.Where(r => r.Scope is null || r.Scope.IsFree("process")).Select(r => r.Read)
            .OrderBy(r => r.Span.StartLine).ThenBy(r => r.Span.StartColumn).ToList();
        var deps = dependencies.OrderBy(d => d.Span.StartLine).ThenBy(d => d.Span.StartColumn).ToList();
        return new JsFacts(globals, esm, deps, env, dynamicEnvReads);
    }

    /// <summary>The nearest enclosing nodes (parent first), a few levels up: enough context to tell a
    /// connection string from a log message.</summary>
    private static Node?[] Ancestors(Frame f)
    {
        var result = new Node?[6];
        var up = f.Parent;
        for (var i = 0; i < result.Length && up is { } frame; i++, up = frame.Parent) result[i] = frame.Node;
        return result;
    }

    private void Push(Node? node, Frame parent, JsScope scope)
    {
        if (node is not null) stack.Push(frames.Add(node, parent, scope));
    }

    private void PushChildren(Frame frame, JsScope scope)
    {
        foreach (var child in frame.Node.ChildNodes) Push(child, frame, scope);
    }

    private void Visit(Frame f)
    {
        var scope = f.Scope;
        // The most common nodes by their type tag first: the pattern switch below tests a node against each case in
        // turn (an interface test among them), and member accesses and calls would come near its end.
        switch (f.Node.Type)
        {
            case NodeType.MemberExpression:
                VisitMember(f, (MemberExpression)f.Node, scope);
                return;
            case NodeType.CallExpression:
                VisitCall(f, (CallExpression)f.Node, scope);
                return;
            // Types no case below matches (so the default applies): walk the children.
            case NodeType.ExpressionStatement or NodeType.ReturnStatement or NodeType.ObjectExpression or NodeType.ArrayExpression
                or NodeType.IfStatement or NodeType.LogicalExpression or NodeType.ConditionalExpression or NodeType.SpreadElement
                or NodeType.ThisExpression or NodeType.ThrowStatement or NodeType.EmptyStatement:
                PushChildren(f, scope);
                return;
        }
        switch (f.Node)
        {
            case Identifier id:
                if (JsScope.IsTracked(id.Name) && IsReference(id, f.Parent?.Node)) globalRefs.Add((id, scope));
                else if (mentionsProcess && Classify(f) is var use && use != EnvReadKind.Required) aliasUses.Add((id, use));
                return;
            case UnaryExpression { Operator: Operator.TypeOf, Argument: Identifier checkedId } when JsScope.IsTracked(checkedId.Name):
                typeofChecks.Add((checkedId, scope));
                return;
            // Most strings are no URL: the ancestors (an array) are collected only for those that may be.
            case StringLiteral str:
                if (NetworkFacts.MayBeUrl(str.Value)) Network.Literal(str, str.Value, Ancestors(f));
                return;
            case TemplateLiteral template:
                if (NetworkFacts.MayBeUrl(template.Quasis[0].Value.Cooked)) Network.Template(template, Ancestors(f));
                PushChildren(f, scope);
                return;
            case VariableDeclaration decl:
                var target = decl.Kind == VariableDeclarationKind.Var ? scope.FunctionScope : scope;
                foreach (var d in decl.Declarations)
                {
                    var dFrame = frames.Add(d, f, scope);
                    DeclarePattern(d.Id, target, dFrame);
                    if (d.Init is not null && IsProcessEnv(d.Init) && d.Id is ObjectPattern pattern) DestructuredEnv(pattern, scope);
                    if (d.Id is Identifier alias && d.Init is MemberExpression init && IsProcessEnv(init.Object) && EnvName(init) is { } aliased)
                    {
                        envAliases.Add((alias.Name, aliased, scope));
                    }
                    if (d.Id is Identifier bound) Network.Bind(bound, d.Init);
                    Routing.Bind(d.Id, d.Init);
                    Push(d.Init, dFrame, scope);
                }
                return;
            case IFunction fn:
                if (f.Node is FunctionDeclaration && fn.Id is not null) scope.Declare(fn.Id.Name);
                var fnScope = new JsScope(scope, isFunction: true);
                if (f.Node is FunctionExpression && fn.Id is not null) fnScope.Declare(fn.Id.Name);
                foreach (var p in fn.Params) DeclarePattern(p, fnScope, f);
                Push(fn.Body, f, fnScope);
                return;
            case ClassDeclaration cls:
                if (cls.Id is not null) scope.Declare(cls.Id.Name);
                Push(cls.SuperClass, f, scope);
                Push(cls.Body, f, scope);
                return;
            case CatchClause c:
                var catchScope = new JsScope(scope, isFunction: false);
                if (c.Param is not null) DeclarePattern(c.Param, catchScope, f);
                Push(c.Body, f, catchScope);
                return;
            case AwaitExpression when scope.FunctionScope.IsProgram:
            case ForOfStatement { Await: true } when scope.FunctionScope.IsProgram:
                if (topLevelAwait is null || Before(Span(f.Node), topLevelAwait.Value)) topLevelAwait = Span(f.Node);
                if (f.Node is ForOfStatement) PushChildren(f, new JsScope(scope, isFunction: false));
                else PushChildren(f, scope);
                return;
            case NestedBlockStatement or ForStatement or ForInStatement or ForOfStatement or SwitchStatement:
                PushChildren(f, new JsScope(scope, isFunction: false));
                return;
            case StaticBlock:
                PushChildren(f, new JsScope(scope, isFunction: true));
                return;
            case ImportDeclaration imp:
                Network.Import(imp);
                Routing.Import(imp);
                // `import process from 'node:process'` binds the same object as the global.
                var isProcessModule = imp.Source.Value is "process" or "node:process";
                foreach (var s in imp.Specifiers)
                {
                    if (!(isProcessModule && s.Local.Name == "process")) scope.Declare(s.Local.Name);
                }
                dependencies.Add(new ModuleDependency(imp.Source.Value, DependencyKind.Import, Span(imp))
                {
                    SpecifierSpan = Span(imp.Source),
                    TypeAttribute = imp.Attributes.Where(a => AttributeKey(a) == "type").Select(a => a.Value.Value).FirstOrDefault(),
                    NamedImports = imp.Specifiers.OfType<ImportSpecifier>().Select(s => s.Imported switch
                    {
                        Identifier id => id.Name,
                        StringLiteral str => str.Value,
                        _ => "",
                    }).Where(n => n.Length > 0 && n != "default").ToList(),
                });
                esmSyntax.Add(("import", Span(imp)));
                return;
            case ExportNamedDeclaration exp:
                Routing.ExportNamed(exp);
                esmSyntax.Add(("export", Span(exp)));
                if (exp.Source is not null) dependencies.Add(new ModuleDependency(exp.Source.Value, DependencyKind.Export, Span(exp)) { SpecifierSpan = Span(exp.Source) });
                Push(exp.Declaration, f, scope);
                return;
            case ExportAllDeclaration all:
                esmSyntax.Add(("export", Span(all)));
                dependencies.Add(new ModuleDependency(all.Source.Value, DependencyKind.Export, Span(all)) { SpecifierSpan = Span(all.Source) });
                return;
            case ExportDefaultDeclaration def:
                Routing.Export("default", def.Declaration);
                esmSyntax.Add(("export", Span(def)));
                Push(def.Declaration, f, scope);
                return;
            case NewExpression created:
                Routing.New(created);
                PushChildren(f, scope);
                return;
            case ImportExpression ie:
                if (StaticString(ie.Source) is { } dyn)
                {
                    var caught = f.Parent?.Node is MemberExpression { Property: Identifier { Name: "catch" } } || InTry(f);
                    dependencies.Add(new ModuleDependency(dyn, DependencyKind.DynamicImport, Span(ie)) { SpecifierSpan = Span(ie.Source), Guarded = caught });
                }
                PushChildren(f, scope);
                return;
            case AssignmentExpression { Left: Identifier reassigned }:
                Network.Assign(reassigned);
                PushChildren(f, scope);
                return;
            case AssignmentExpression { Left: MemberExpression assigned } assignment:
                RecordCjsExport(assigned, assignment.Right);
                PushChildren(f, scope);
                return;
            case CallExpression call:
                VisitCall(f, call, scope);
                return;
            case BinaryExpression { Operator: Operator.In, Left: StringLiteral inKey } inExpr when IsProcessEnv(inExpr.Right):
                envReads.Add((new EnvRead(inKey.Value, EnvReadKind.Checked, Span(inKey)), scope));
                PushChildren(f, scope);
                return;
            case MemberExpression member:
                VisitMember(f, member, scope);
                return;
            case Property prop:
                if (NetworkFacts.IsHostProperty(prop)) Network.Property(prop, Ancestors(f));
                if (prop.Computed) Push(prop.Key, f, scope);
                Push(prop.Value, f, scope);
                return;
            case ClassProperty cp:
                if (cp.Computed) Push(cp.Key, f, scope);
                Push(cp.Value, f, scope);
                return;
            case LabeledStatement label:
                Push(label.Body, f, scope);
                return;
            case MetaProperty { Meta.Name: "import" } meta:
                importMeta ??= Span(meta);
                return;
            case BreakStatement or ContinueStatement or MetaProperty or ExportSpecifier:
                return;
            default:
                PushChildren(f, scope);
                return;
        }
    }

    /// <summary>A call: known env-schema and export idioms first, then any call (network, routing, `require`).</summary>
    private void VisitCall(Frame f, CallExpression node, JsScope scope)
    {
        switch (node)
        {
            case CallExpression { Callee: MemberExpression { Object: Identifier { Name: "Object" }, Property: Identifier { Name: "defineProperty" } }, Arguments: [var definedOn, ..] }
                when IsExportsObject(definedOn):
                namedCjsExports = true;
                PushChildren(f, scope);
                return;
            case CallExpression { Callee: MemberExpression { Object: var owner, Property: Identifier { Name: "hasOwnProperty" } }, Arguments: [StringLiteral ownKey] } when IsProcessEnv(owner):
                envReads.Add((new EnvRead(ownKey.Value, EnvReadKind.Checked, Span(ownKey)), scope));
                return;
            case CallExpression { Callee: Identifier { Name: "cleanEnv" } or MemberExpression { Property: Identifier { Name: "cleanEnv" } } } cleanEnv:
                EnvalidSchema(cleanEnv, scope);
                PushChildren(f, scope);
                return;
            case CallExpression { Callee: MemberExpression { Property: Identifier { Name: "parse" or "safeParse" or "parseAsync" or "safeParseAsync" } } parse, Arguments: [var parsed, ..] }
                when IsProcessEnv(parsed):
                ZodParse(parse.Object, scope);
                PushChildren(f, scope);
                return;
            case CallExpression { Callee: MemberExpression { Object: Identifier lib, Property: Identifier { Name: "get" } }, Arguments: [StringLiteral varName, ..] } when envVarModules.Contains(lib.Name):
                EnvVarGet(f, varName, scope);
                PushChildren(f, scope);
                return;
            case CallExpression call:
                Network.Call(call);
                Routing.Call(call);
                if (call.Callee is Identifier { Name: "require" } && call.Arguments.Count == 1 && StaticString(call.Arguments[0]) is { } spec)
                {
                    dependencies.Add(new ModuleDependency(spec, DependencyKind.Require, Span(call)) { SpecifierSpan = Span(call.Arguments[0]), Guarded = InTry(f) });
                }
                PushChildren(f, scope);
                return;
        }
    }

    private void VisitMember(Frame f, MemberExpression member, JsScope scope)
    {
        if (IsProcessEnv(member.Object) && EnvName(member) is { } envName)
        {
            envReads.Add((new EnvRead(envName, Classify(f), Span(member.Property), LiteralFallback(f)), scope));
        }
        else if (member.Computed && IsProcessEnv(member.Object))
        {
            dynamicEnvReads++; // `process.env[key]`: which variable is unknowable; counted, not judged
        }
        Push(member.Object, f, scope);
        if (member.Computed) Push(member.Property, f, scope);
    }

    /// <summary>Declares a binding pattern's names; its default values and computed keys are walked as expressions.</summary>
    private void DeclarePattern(Node pattern, JsScope target, Frame owner)
    {
        if (pattern is Identifier name)
        {
            target.Declare(name.Name); // the common case: `const x = …`, a plain parameter
            return;
        }
        var pending = frames.Patterns;
        pending.Clear();
        pending.Push(pattern);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case Identifier id:
                    target.Declare(id.Name);
                    break;
                case ObjectPattern obj:
                    foreach (var p in obj.Properties)
                    {
                        if (p is Property prop)
                        {
                            if (prop.Computed) Push(prop.Key, owner, owner.Scope);
                            pending.Push(prop.Value);
                        }
                        else if (p is RestElement rest) pending.Push(rest.Argument);
                    }
                    break;
                case ArrayPattern arr:
                    foreach (var e in arr.Elements) if (e is not null) pending.Push(e);
                    break;
                case AssignmentPattern ap:
                    pending.Push(ap.Left);
                    Push(ap.Right, frames.Add(ap, owner, owner.Scope), owner.Scope); // parent: the pattern, so a default is known as one
                    break;
                case RestElement rest:
                    pending.Push(rest.Argument);
                    break;
                case var other:
                    Push(other, owner, owner.Scope);
                    break;
            }
        }
    }

    private void DestructuredEnv(ObjectPattern pattern, JsScope scope)
    {
        foreach (var p in pattern.Properties)
        {
            if (p is not Property { Computed: false } prop) continue;
            var name = prop.Key switch
            {
                Identifier id => id.Name,
                StringLiteral s => s.Value,
                _ => null,
            };
            if (name is null) continue;
            var kind = prop.Value is AssignmentPattern ? EnvReadKind.Defaulted : EnvReadKind.Required;
            var fallback = prop.Value is AssignmentPattern { Right: StringLiteral literal } ? literal.Value : null;
            envReads.Add((new EnvRead(name, kind, Span(prop.Key), fallback), scope));
            if (prop.Value is Identifier local) envAliases.Add((local.Name, name, scope));
        }
    }

    /// <summary>How a `process.env.X` read is used: with a fallback, only tested, or as a required value.
    /// Conversions and optional chains keep undefined-ness (`parseInt(X) || 3000`, `X?.split(',') ?? []`),
    /// so the use is judged where the value ends up.</summary>
    private static EnvReadKind Classify(Frame read)
    {
        var frame = ValueFrame(read);
        var node = frame.Node;
        var parent = frame.Parent?.Node;
        switch (parent)
        {
            case AssignmentExpression assign when assign.Left == node:
                return EnvReadKind.Defaulted; // the code sets it itself
            case LogicalExpression logical:
                return logical.Operator == Operator.LogicalAnd ? EnvReadKind.Checked : EnvReadKind.Defaulted;
            case BinaryExpression bin when bin.Operator is Operator.StrictEquality or Operator.StrictInequality
                or Operator.Equality or Operator.Inequality:
                return EnvReadKind.Checked;
            case UnaryExpression { Operator: Operator.LogicalNot } not:
                return frame.Parent!.Value.Parent?.Node is IfStatement ifs && ifs.Test == not && FailsFast(ifs.Consequent)
                    ? EnvReadKind.Required
                    : EnvReadKind.Checked;
            case UnaryExpression { Operator: Operator.TypeOf }:
                return EnvReadKind.Checked;
            case IfStatement s when s.Test == node:
            case ConditionalExpression c when c.Test == node:
            case WhileStatement w when w.Test == node:
            case SwitchStatement sw when sw.Discriminant == node:
                return EnvReadKind.Checked;
            // `Boolean(X)` and logging tolerate undefined.
            case CallExpression { Callee: Identifier { Name: "Boolean" } }:
            case CallExpression { Callee: MemberExpression { Object: Identifier { Name: "console" } } } call when call.Callee != node:
                return EnvReadKind.Checked;
            default:
                return EnvReadKind.Required;
        }
    }

    /// <summary>The string literal a read falls back to (`X || 'dev'`, `X ?? 'dev'`), if any.</summary>
    private static string? LiteralFallback(Frame read)
    {
        var frame = ValueFrame(read);
        return frame.Parent?.Node is LogicalExpression { Operator: Operator.LogicalOr or Operator.NullishCoalescing, Right: StringLiteral literal } logical
            && logical.Left == frame.Node ? literal.Value : null;
    }

    /// <summary>Climbs from a read through expressions that pass `undefined` on without throwing.</summary>
    private static Frame ValueFrame(Frame read)
    {
        var frame = read;
        var optionalChain = false;
        while (frame.Parent is { } up)
        {
            var node = frame.Node;
            var climb = up.Node switch
            {
                MemberExpression m when m.Object == node && (m.Optional || optionalChain) => optionalChain = true,
                CallExpression c when c.Callee == node && optionalChain => true,
                ChainExpression => true,
                CallExpression c when c.Arguments.Count >= 1 && c.Arguments[0] == node && IsLenientConversion(c.Callee) => true,
                UnaryExpression { Operator: Operator.UnaryPlus or Operator.UnaryNegation } => true,
                _ => false,
            };
            if (!climb) break;
            frame = up;
        }
        return frame;
    }

    /// <summary>Conversions that turn undefined into NaN or "undefined" instead of throwing.</summary>
    private static bool IsLenientConversion(Node callee) => callee switch
    {
        Identifier { Name: "parseInt" or "parseFloat" or "Number" or "String" } => true,
        MemberExpression { Object: Identifier { Name: "Number" }, Property: Identifier { Name: "parseInt" or "parseFloat" } } => true,
        _ => false,
    };

    /// <summary>`if (!process.env.X) { throw ... }` or `process.exit(...)`: the variable is required.</summary>
    private static bool FailsFast(Statement consequent)
    {
        IEnumerable<Statement> statements = consequent is BlockStatement block ? block.Body : [consequent];
        return statements.Any(s => s is ThrowStatement
            || s is ExpressionStatement { Expression: CallExpression { Callee: MemberExpression { Object: Identifier { Name: "process" }, Property: Identifier { Name: "exit" } } } });
    }

    /// <summary>`process.env`, or a local bound to it (`const env = process.env`, `const { env } = process`,
    /// `import { env } from 'node:process'`).</summary>
    private bool IsProcessEnv(Node node) =>
        node is MemberExpression { Computed: false, Object: Identifier { Name: "process" }, Property: Identifier { Name: "env" } }
        || node is Identifier id && envObjectAliases.Contains(id.Name);

    private readonly HashSet<string> envObjectAliases = new(StringComparer.Ordinal);
    private readonly HashSet<string> envVarModules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectExpression> zodSchemas = new(StringComparer.Ordinal);
    private int dynamicEnvReads;

    /// <summary>envalid `cleanEnv(process.env, schema)`.</summary>
    private void EnvalidSchema(CallExpression call, JsScope scope)
    {
        if (call.Arguments.Count < 2 || !IsProcessEnv(call.Arguments[0]) || call.Arguments[1] is not ObjectExpression schema) return;
        foreach (var read in EnvSchemaReads.Envalid(schema, Span)) envReads.Add((read, scope));
    }

    /// <summary>zod `schema.parse(process.env)`, the schema inline or bound to a name in this file.</summary>
    private void ZodParse(Node schema, JsScope scope)
    {
        var fields = EnvSchemaReads.ZodObject(schema)
            ?? (schema is Identifier named && zodSchemas.TryGetValue(named.Name, out var bound) ? bound : null);
        if (fields is null) return;
        foreach (var read in EnvSchemaReads.Zod(fields, Span)) envReads.Add((read, scope));
    }

    /// <summary>env-var: `env.get('X').required()` is required; without `.required()` the value may be undefined (checked).</summary>
    private void EnvVarGet(Frame frame, StringLiteral name, JsScope scope)
    {
        var required = false;
        for (var up = frame.Parent; up is { } outer; up = outer.Parent)
        {
            if (outer.Node is MemberExpression { Property: Identifier { Name: "required" } }) { required = true; break; }
            if (outer.Node is not (MemberExpression or CallExpression or ChainExpression)) break;
        }
        envReads.Add((new EnvRead(name.Value, required ? EnvReadKind.Required : EnvReadKind.Checked, Span(name)), scope));
    }

    /// <summary>A first, light pass (explicit stack) for names bound to the env object, which the main
    /// walk needs before it meets their uses.</summary>
    private void CollectEnvObjectAliases(Node program)
    {
        var pending = new Stack<Node>();
        pending.Push(program);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            switch (node)
            {
                case VariableDeclarator { Id: Identifier alias, Init: MemberExpression { Computed: false, Object: Identifier { Name: "process" }, Property: Identifier { Name: "env" } } }:
                    envObjectAliases.Add(alias.Name);
                    break;
                case VariableDeclarator { Id: ObjectPattern pattern, Init: Identifier { Name: "process" } }:
                    foreach (var p in pattern.Properties)
                    {
                        if (p is Property { Computed: false, Key: Identifier { Name: "env" }, Value: Identifier local }) envObjectAliases.Add(local.Name);
                    }
                    break;
                case VariableDeclarator { Id: Identifier lib, Init: CallExpression { Callee: Identifier { Name: "require" }, Arguments: [StringLiteral { Value: "env-var" }] } }:
                    envVarModules.Add(lib.Name);
                    break;
                case VariableDeclarator { Id: Identifier schemaName, Init: CallExpression schemaInit } when EnvSchemaReads.ZodObject(schemaInit) is { } zodFields:
                    zodSchemas.TryAdd(schemaName.Name, zodFields);
                    break;
                case ImportDeclaration { Source.Value: "env-var" } envVarImport:
                    foreach (var s in envVarImport.Specifiers) envVarModules.Add(s.Local.Name);
                    break;
                case ImportDeclaration { Source.Value: "process" or "node:process" } import:
                    foreach (var s in import.Specifiers.OfType<ImportSpecifier>())
                    {
                        if (s.Imported is Identifier { Name: "env" }) envObjectAliases.Add(s.Local.Name);
                    }
                    break;
            }
            foreach (var child in node.ChildNodes) pending.Push(child);
        }
    }

    private static string? EnvName(MemberExpression member) =>
        member.Computed ? StaticString(member.Property) : (member.Property as Identifier)?.Name;

    private static string? StaticString(Node? node) => node switch
    {
        StringLiteral s => s.Value,
        TemplateLiteral { Expressions.Count: 0 } t when t.Quasis.Count == 1 => t.Quasis[0].Value.Cooked,
        _ => null,
    };

    /// <summary>Is this identifier a variable reference (not a property name, label or key)?</summary>
    private static bool IsReference(Identifier id, Node? parent) => parent switch
    {
        MemberExpression m => m.Object == id || m.Computed,
        Property p => p.Computed || p.Value == id,
        ClassProperty cp => cp.Computed || cp.Value == id,
        _ => true,
    };

    /// <summary>What Node's CommonJS export analysis (cjs-module-lexer) can see: `exports.x =`,
    /// `module.exports.x =`, an object literal, or a re-exported require; anything else hides names.</summary>
    private void RecordCjsExport(MemberExpression target, Node value)
    {
        if (target is { Computed: false, Object: Identifier { Name: "module" }, Property: Identifier { Name: "exports" } }) Routing.Export("default", value);
        else if (IsExportsObject(target.Object) && target is { Computed: false, Property: Identifier named }) Routing.Export(named.Name, value);
        if (IsExportsObject(target.Object))
        {
            namedCjsExports = true;
        }
        else if (target is { Computed: false, Object: Identifier { Name: "module" }, Property: Identifier { Name: "exports" } })
        {
            if (value is ObjectExpression or CallExpression { Callee: Identifier { Name: "require" } }) namedCjsExports = true;
            else opaqueModuleExports = true;
        }
    }

    private static bool IsExportsObject(Node node) =>
        node is Identifier { Name: "exports" }
        || node is MemberExpression { Computed: false, Object: Identifier { Name: "module" }, Property: Identifier { Name: "exports" } };

    /// <summary>Inside a `try` block of the same function: a throw here is handled.</summary>
    private static bool InTry(Frame frame)
    {
        var child = frame.Node;
        for (var up = frame.Parent; up is { } outer; child = outer.Node, up = outer.Parent)
        {
            if (outer.Node is TryStatement t && t.Block == child) return true;
            if (outer.Node is IFunction) return false;
        }
        return false;
    }

    private static string? AttributeKey(ImportAttribute attribute) => attribute.Key switch
    {
        Identifier id => id.Name,
        StringLiteral s => s.Value,
        _ => null,
    };

    private static bool Before(SourceSpan a, SourceSpan b) =>
        a.StartLine < b.StartLine || a.StartLine == b.StartLine && a.StartColumn < b.StartColumn;

    private SourceSpan Span(Node node)
    {
        var loc = node.Location;
        return new SourceSpan(file, loc.Start.Line, loc.Start.Column + 1, loc.End.Line, loc.End.Column + 1);
    }
}
