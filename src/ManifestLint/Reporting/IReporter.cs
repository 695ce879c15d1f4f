namespace ManifestLint.Reporting;

/// <summary>Writes a lint result in one output format.</summary>
public interface IReporter
{
    void Write(LintResult result, TextWriter output);
}

public static class Reporters
{
    public static readonly string[] Formats = ["text", "json", "sarif", "github"];

    public static IReporter Create(string format, bool color) => format switch
    {
        "json" => new JsonReporter(),
        "sarif" => new SarifReporter(),
        "github" => new GithubReporter(),
        _ => new TextReporter(color),
    };
}
