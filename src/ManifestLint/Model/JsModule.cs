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
    public required ModuleFormat Format { get; init; }
    /// <summary>Why Node treats the file this way (shown in messages).</summary>
    public required string FormatReason { get; init; }
    /// <summary>The package.json that decided the format, if any.</summary>
    public string? PackageFile { get; init; }
    public required IReadOnlyList<CjsGlobalUse> CjsGlobalUses { get; init; }
    /// <summary>First static import/export declaration, when the file has any.</summary>
    public EsmSyntaxUse? EsmSyntax { get; init; }
    public required IReadOnlyList<ModuleDependency> Dependencies { get; init; }
    public required IReadOnlyList<EnvRead> EnvReads { get; init; }
}

/// <summary>First free use of a CommonJS-only global (`require`, `module`, ...) and how many uses follow.</summary>
public sealed record CjsGlobalUse(string Name, SourceSpan Span, int Count);

public sealed record EsmSyntaxUse(string Keyword, SourceSpan Span, int Count);

public enum DependencyKind
{
    Import,
    Export,
    Require,
    DynamicImport,
}

public sealed record ModuleDependency(string Specifier, DependencyKind Kind, SourceSpan Span);

public enum EnvReadKind
{
    /// <summary>Used as a value with no fallback, or checked and then failed on.</summary>
    Required,
    /// <summary>`||`, `??` or a destructuring default supplies a value.</summary>
    Defaulted,
    /// <summary>Only tested (`if (X)`, `X === 'y'`, `!X`): the code copes with absence.</summary>
    Checked,
}

public sealed record EnvRead(string Name, EnvReadKind Kind, SourceSpan Span);
