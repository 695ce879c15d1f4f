namespace ManifestLint.Reporting;

/// <summary>Writes a lint result in one output format.</summary>
public interface IReporter
{
    void Write(LintResult result, TextWriter output);
}

public static class Reporters
{
    public static readonly string[] Formats = ["text", "json", "sarif", "github"];

    /// <param name="reportSuppressed">SARIF only: include suppressed findings with `suppressions[]` (GitHub shows
    /// them as open alerts, so they are left out unless asked for).</param>
    public static IReporter Create(string format, bool color, bool reportSuppressed = false) => format switch
    {
        "json" => new JsonReporter(),
        "sarif" => new SarifReporter(reportSuppressed),
        "github" => new GithubReporter(),
        _ => new TextReporter(color),
    };
}
