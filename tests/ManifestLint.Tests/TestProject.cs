namespace ManifestLint.Tests;

/// <summary>A throwaway project folder for tests that generate their input.</summary>
internal sealed class TestProject : IDisposable
{
    public TestProject()
    {
        Root = Path.Combine(Path.GetTempPath(), "ml-proj-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Write(".manifestlint.yaml", "# test project\n");
    }

    public string Root { get; }

    public TestProject Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public LintResult Lint() => Linter.Lint([Root]);

    public List<string> Findings() =>
        Lint().Findings.Select(f => $"{f.RuleId} {f.Span.File}:{f.Span.StartLine}:{f.Span.StartColumn}").ToList();

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
