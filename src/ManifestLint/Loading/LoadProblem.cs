namespace ManifestLint.Loading;

/// <summary>A file that could not be parsed (an ML001 finding), or, with <paramref name="Limit"/> set, input left
/// out because it hit that limit of <see cref="Config.InputLimits"/> (an ML005 finding).</summary>
public sealed record LoadProblem(SourceSpan Span, string FileKind, string Message, string? Limit = null);
