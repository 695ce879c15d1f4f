using ManifestLint.Model;

namespace ManifestLint.Reporting;

/// <summary>GitHub Actions workflow commands: annotations on the pull request diff.</summary>
public sealed class GithubReporter : IReporter
{
    public void Write(LintResult result, TextWriter output)
    {
        foreach (var f in result.Findings)
        {
            var command = f.Level switch { Level.Error => "error", Level.Warning => "warning", _ => "notice" };
            var s = f.Span;
            output.WriteLine($"::{command} file={Property(result.RepoPath(s.File))},line={s.StartLine},col={s.StartColumn},endLine={s.EndLine},endColumn={s.EndColumn}," +
                $"title={Property($"{f.RuleId} {f.RuleName}")}::{Data(f.Message)}");
        }
    }

    // Escaping per the workflow-command spec: data escapes % CR LF; properties also : and ,
    private static string Data(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
