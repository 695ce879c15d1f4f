namespace ManifestLint;

/// <summary>A 1-based, inclusive-start region of a project file. File is project-root relative with '/'.</summary>
public readonly record struct SourceSpan(string File, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SourceSpan At(string file, int line, int column) => new(file, line, column, line, column);

    public override string ToString() => $"{File}:{StartLine}:{StartColumn}";
}
