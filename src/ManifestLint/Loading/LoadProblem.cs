namespace ManifestLint.Loading;

/// <summary>A file that could not be parsed (becomes an ML001 finding).</summary>
public sealed record LoadProblem(SourceSpan Span, string FileKind, string Message);
