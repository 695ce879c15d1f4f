using Acornima;
using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Parses a JS file the way Node would (module or script) and keeps only its facts.</summary>
internal static partial class JsLoader
{
    [System.Text.RegularExpressions.GeneratedRegex(@"config\(\s*\{[^}]*\bpath\b")]
    private static partial System.Text.RegularExpressions.Regex DotenvPathOption();

    private static readonly ParserOptions ScriptOptions = new() { AllowReturnOutsideFunction = true, AllowHashBang = true };
    private static readonly ParserOptions ModuleOptions = new() { AllowHashBang = true };

    /// <summary>Facts outlive the parse (every module's, for the whole run): exact-size arrays, one shared empty.</summary>
    private static T[] Compact<T>(IReadOnlyList<T> list) => list.Count == 0 ? [] : [.. list];

    /// <summary>Compact, with the strings of each fact shared (<see cref="StringPool"/>).</summary>
    private static T[] Compact<T>(IReadOnlyList<T> list, Func<T, T> share)
    {
        if (list.Count == 0) return [];
        var result = new T[list.Count];
        for (var i = 0; i < result.Length; i++) result[i] = share(list[i]);
        return result;
    }

    public static (JsModule? Module, LoadProblem? Problem) Load(string file, string text, ModuleFormat format, string reason, NodePackage? package, bool typeless = false,
        int maxScopeDeclarations = int.MaxValue)
    {
        var assertions = new List<SourceSpan>();
        try
        {
            JsFactsExtractor extractor;
            JsFacts facts;
            if (format == ModuleFormat.Esm)
            {
                (extractor, facts) = Extract(file, text, ParseModule(file, ref text, assertions, maxScopeDeclarations));
            }
            else
            {
                try
                {
                    (extractor, facts) = Extract(file, text, ParseScript(file, text, maxScopeDeclarations));
                }
                catch (ParseErrorException) when (TryParseModuleCode(file, text, assertions, maxScopeDeclarations, out var module))
                {
                    // A CommonJS file that only parses as a module is module code: keep its facts so
                    // ML102/ML107/ML108 can say exactly that, instead of a bare syntax error.
                    (extractor, facts) = module;
                }
            }
            var (globals, esm, deps, env, dynamicEnv) = facts;
            return (new JsModule
            {
                File = file,
                Format = format,
                Typeless = typeless,
                ImportMeta = extractor.ImportMeta,
                TopLevelAwait = extractor.TopLevelAwait,
                ExportShape = extractor.ExportShape,
                ImportAssertions = Compact(assertions),
                FormatReason = StringPool.Shared(reason),
                PackageFile = package?.File,
                CjsGlobalUses = Compact(globals, g => g with { Name = StringPool.Shared(g.Name) }),
                EsmSyntax = esm,
                Dependencies = Compact(deps, d => d with { Specifier = StringPool.Shared(d.Specifier), NamedImports = Compact(d.NamedImports, StringPool.Shared), TypeAttribute = StringPool.SharedOrNull(d.TypeAttribute) }),
                EnvReads = Compact(env, e => e with { Name = StringPool.Shared(e.Name), DefaultValue = StringPool.SharedOrNull(e.DefaultValue) }),
                DynamicEnvReads = dynamicEnv,
                HostLiterals = Compact(extractor.Network.Hosts, h => h with { Value = StringPool.Shared(h.Value), FallbackFor = StringPool.SharedOrNull(h.FallbackFor), Context = StringPool.SharedOrNull(h.Context) }),
                ListenCalls = Compact(extractor.Network.Listens(), l => l with { PortEnv = StringPool.SharedOrNull(l.PortEnv), Host = StringPool.SharedOrNull(l.Host) }),
                Routing = extractor.Routing.Result(),
                SetsDotenvPath = DotenvPathOption().IsMatch(text),
            }, null);
        }
        catch (ParseErrorException ex)
        {
            var kind = format == ModuleFormat.Esm ? "ES module" : "CommonJS";
            return (null, new LoadProblem(SourceSpan.At(file, Math.Max(ex.LineNumber, 1), ex.Column + 1), "JavaScript",
                $"{ex.Description} (parsed as {kind})"));
        }
        catch (ScopeLimitException ex)
        {
            return (null, new LoadProblem(SourceSpan.At(file, ex.Line, ex.Column), "JavaScript",
                $"this file declares more bindings in one scope than can be parsed in reasonable time (checking them is quadratic in their number; the limit is the cost of {ex.Max} let/const declarations), as bundles do, so it is not analysed",
                "maxScopeDeclarations"));
        }
        catch (InsufficientExecutionStackException)
        {
            var (line, column) = DeepNestingPosition(text, format);
            return (null, new LoadProblem(SourceSpan.At(file, line, column), "JavaScript", "nesting is too deep to analyse"));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug in fact extraction: this file is left out, the run goes on.
            return (null, new LoadProblem(SourceSpan.At(file, 1, 1), "JavaScript", $"could not be analysed (internal error {ex.GetType().Name}: {ex.Message}; please report it)"));
        }
    }

    /// <summary>Where the parser ran out of stack: the last token it read before giving up, found by parsing
    /// again with a token callback (only on this rare path, so normal parses pay nothing for it).</summary>
    private static (int Line, int Column) DeepNestingPosition(string text, ModuleFormat format)
    {
        (int Line, int Column) last = (1, 0);
        var options = (format == ModuleFormat.Esm ? ModuleOptions : ScriptOptions) with { OnToken = (in Token token) => last = (token.Location.Start.Line, token.Location.Start.Column) };
        try
        {
            var parser = new Parser(options);
            if (format == ModuleFormat.Esm) parser.ParseModule(text); else parser.ParseScript(text, strict: false);
        }
        catch (Exception ex) when (ex is InsufficientExecutionStackException or ParseErrorException)
        {
            // Expected: the same failure as before, now with the position recorded.
        }
        return (Math.Max(last.Line, 1), last.Column + 1);
    }

    private static (JsFactsExtractor, JsFacts) Extract(string file, string text, Acornima.Ast.Program program)
    {
        var extractor = new JsFactsExtractor(file, JsFactsExtractor.MayAliasEnv(text), text.Contains("process", StringComparison.Ordinal));
        return (extractor, extractor.Extract(program));
    }

    // One parser per thread and kind, reused (each parse starts afresh; a new parser per file was a fifth of the
    // parse's allocations for small files). Options with a per-file token callback get their own parser.
    [ThreadStatic] private static Parser? scriptParser;
    [ThreadStatic] private static Parser? moduleParser;

    /// <summary>Parses with this thread's cached parser of the kind, unless the options carry a token callback. The
    /// parser is taken out while it parses, so one that throws half-way is not reused.</summary>
    private static T Parse<T>(ref Parser? cached, ParserOptions defaults, ParserOptions options, Func<Parser, T> parse)
    {
        if (!ReferenceEquals(options, defaults)) return parse(new Parser(options));
        var parser = cached ?? new Parser(defaults);
        cached = null;
        var program = parse(parser);
        cached = parser;
        return program;
    }

    private static Acornima.Ast.Script ParseScript(string file, string text, int maxScopeDeclarations) =>
        Parse(ref scriptParser, ScriptOptions, ScopeDeclarationGuard.Apply(ScriptOptions, text, maxScopeDeclarations, module: false),
            parser => parser.ParseScript(text, file, strict: false));

    /// <summary>Import assertions (`assert { type: 'json' }`, valid before Node 22) are not ES2025 syntax:
    /// each is read as the attribute form it became (`with`, padded to keep every position) and recorded.</summary>
    private static Acornima.Ast.Module ParseModule(string file, ref string text, List<SourceSpan> assertions, int maxScopeDeclarations)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var source = text;
                return Parse(ref moduleParser, ModuleOptions, ScopeDeclarationGuard.Apply(ModuleOptions, text, maxScopeDeclarations, module: true),
                    parser => parser.ParseModule(source, file));
            }
            catch (ParseErrorException ex) when (attempt < 64 && ex.Error.IsIndexDefined && ex.Description.Contains("'assert'", StringComparison.Ordinal)
                && string.CompareOrdinal(text, ex.Error.Index, "assert", 0, 6) == 0)
            {
                assertions.Add(SourceSpan.At(file, ex.LineNumber, ex.Column + 1));
                text = string.Concat(text.AsSpan(0, ex.Error.Index), "with  ", text.AsSpan(ex.Error.Index + 6));
            }
        }
    }

    /// <summary>A script that fails only because it is module code (import/export, import.meta, top-level
    /// await) parses as a module: Node's syntax detection sees the same. The facts walk is kept, not redone.</summary>
    private static bool TryParseModuleCode(string file, string text, List<SourceSpan> assertions, int maxScopeDeclarations, out (JsFactsExtractor, JsFacts) result)
    {
        result = default;
        try
        {
            var moduleText = text;
            result = Extract(file, moduleText, ParseModule(file, ref moduleText, assertions, maxScopeDeclarations));
            var (extractor, (_, esm, _, _, _)) = result;
            return esm is not null || extractor.ImportMeta is not null || extractor.TopLevelAwait is not null;
        }
        catch (ParseErrorException)
        {
            return false;
        }
    }
}
