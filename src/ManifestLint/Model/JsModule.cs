namespace ManifestLint.Model;

public enum ModuleFormat
{
    CommonJs,
    Esm,
}

/// <summary>Facts extracted from one JavaScript file. The AST is dropped after extraction.</summary>
public sealed class JsModule
{
    public required string File { get; init; }
    /// <summary>The format fixed by extension or `"type"`; for a typeless `.js` the CommonJS default.</summary>
    public required ModuleFormat Format { get; init; }
    /// <summary>A `.js` file whose package.json has no `"type"`: Node may detect ESM syntax (version-dependent).</summary>
    public bool Typeless { get; init; }
    /// <summary>Why Node treats the file this way (shown in messages).</summary>
    public required string FormatReason { get; init; }
    /// <summary>The package.json that decided the format, if any.</summary>
    public string? PackageFile { get; init; }
    public required IReadOnlyList<CjsGlobalUse> CjsGlobalUses { get; init; }
    /// <summary>First static import/export declaration, when the file has any.</summary>
    public EsmSyntaxUse? EsmSyntax { get; init; }
    public required IReadOnlyList<ModuleDependency> Dependencies { get; init; }
    public required IReadOnlyList<EnvRead> EnvReads { get; init; }
    public IReadOnlyList<HostLiteral> HostLiterals { get; init; } = [];
    public IReadOnlyList<ListenCall> ListenCalls { get; init; } = [];
    public HttpRouting Routing { get; init; } = HttpRouting.Empty;
    /// <summary>`process.env[expr]` reads with a computed key: not judged, only counted.</summary>
    public int DynamicEnvReads { get; init; }
    /// <summary>First `import.meta`, if any.</summary>
    public SourceSpan? ImportMeta { get => rare?.ImportMeta; init { if (value is not null) Rare.ImportMeta = value; } }
    /// <summary>First top-level `await` (or `for await`), if any.</summary>
    public SourceSpan? TopLevelAwait { get => rare?.TopLevelAwait; init { if (value is not null) Rare.TopLevelAwait = value; } }

    /// <summary>`dotenv.config({ path: ... })` (or dotenv-flow): the file reads an env file we do not follow.</summary>
    public bool SetsDotenvPath { get; init; }

    /// <summary>Import assertions (`assert { type: 'json' }`): a SyntaxError from Node 22.</summary>
    public IReadOnlyList<SourceSpan> ImportAssertions { get => rare?.ImportAssertions ?? []; init { if (value.Count > 0) Rare.ImportAssertions = value; } }

    /// <summary>Facts most files do not have, out of line: two optional spans and a list are 72 bytes in every one of
    /// a hundred thousand modules on a large monorepo, and null here.</summary>
    private RareFacts? rare;

    private RareFacts Rare => rare ??= new RareFacts();

    private sealed class RareFacts
    {
        public SourceSpan? ImportMeta;
        public SourceSpan? TopLevelAwait;
        public IReadOnlyList<SourceSpan>? ImportAssertions;
    }

    /// <summary>How the file assigns `module.exports` (what Node's CommonJS export analysis can see).</summary>
    public CjsExportShape ExportShape { get; init; }

    /// <summary>Syntax that only parses as a module: what Node's detection looks for.</summary>
    public bool HasModuleSyntax => EsmSyntax is not null || ImportMeta is not null || TopLevelAwait is not null;

    /// <summary>The format a given Node version runs this file as.</summary>
    public ModuleFormat FormatOn(NodeVersion version) =>
        Typeless && HasModuleSyntax && NodeFeatures.DetectsModuleSyntax(version) ? ModuleFormat.Esm : Format;
}

/// <summary>First free use of a CommonJS-only global (`require`, `module`, ...) and how many uses follow.</summary>
public readonly record struct CjsGlobalUse(string Name, SourceSpan Span, int Count);

public enum CjsExportShape
{
    /// <summary>No `module.exports =`, or names Node can detect (`exports.x =`, an object literal, a re-export).</summary>
    Visible,
    /// <summary>`module.exports = fn | new X() | value` and no named assignments: only `default` is importable.</summary>
    Opaque,
}

public sealed record EsmSyntaxUse(string Keyword, SourceSpan Span, int Count);

public enum DependencyKind
{
    Import,
    Export,
    Require,
    DynamicImport,
}

/// <summary>An import/require. Span covers the statement or call; SpecifierSpan the string literal.</summary>
public readonly record struct ModuleDependency(string Specifier, DependencyKind Kind, SourceSpan Span)
{
    public SourceSpan SpecifierSpan { get; init; } = Span;

    /// <summary>Inside `try` (in the same function) or an `import()` with `.catch`: a failure is handled.</summary>
    public bool Guarded { get; init; }

    /// <summary>Names imported with `import { a, b as c }` (not default or namespace).</summary>
    public IReadOnlyList<string> NamedImports { get; init; } = [];

    /// <summary>The import attribute `type` (`with { type: 'json' }`), if any.</summary>
    public string? TypeAttribute { get; init; }

    public bool IsRelative => Specifier.StartsWith("./", StringComparison.Ordinal) || Specifier.StartsWith("../", StringComparison.Ordinal)
        || Specifier is "." or "..";
}

public enum EnvReadKind
{
    /// <summary>Used as a value with no fallback, or checked and then failed on.</summary>
    Required,
    /// <summary>`||`, `??` or a destructuring default supplies a value.</summary>
    Defaulted,
    /// <summary>Only tested (`if (X)`, `X === 'y'`, `!X`): the code copes with absence.</summary>
    Checked,
}

/// <summary>A URL string in code (`'mongodb://mongo:27017/db'`), or a `host:`/`hostname:` property value.
/// `FallbackFor`: the env variable it is the `||`/`??` fallback of; it applies only when that is unset.
/// `Context`: the name the value is given, when visible (`origin:` property, `const API_URL =`, the env fallback).</summary>
public sealed record HostLiteral(string Value, SourceSpan Span, bool IsHostProperty, string? FallbackFor, string? Context = null);

/// <summary>A `.listen(...)` call. The port is a literal, or an env variable with an optional literal default;
/// `PortKnown` is false when it is neither. `Host` is the literal host argument, if any (`HostGiven` when
/// some host argument is passed, literal or not). `Fastify`: called on a Fastify instance (binds to localhost by default).</summary>
public sealed record ListenCall(SourceSpan Span, int? Port, string? PortEnv, int? PortDefault, bool PortKnown, string? Host, bool HostGiven, bool Fastify);

/// <summary>One read of `process.env.Name`. DefaultValue: the string literal fallback (`|| 'dev-secret'`), if any.</summary>
public readonly record struct EnvRead(string Name, EnvReadKind Kind, SourceSpan Span, string? DefaultValue = null);
