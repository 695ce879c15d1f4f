using ManifestLint.Model;

namespace ManifestLint.Reporting;

/// <summary>`path:line:col  level  ID name  message` plus a one-line code frame with a caret; findings are
/// grouped by file (a blank line between files), and each line keeps its full path so terminals and editors
/// can open it.</summary>
public sealed class TextReporter(bool color) : IReporter
{
    private const string Reset = "\u001b[0m";

    public void Write(LintResult result, TextWriter output)
    {
        var lineCache = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? file = null;
        foreach (var f in result.Findings)
        {
            if (file is not null && f.Span.File != file) output.WriteLine();
            file = f.Span.File;
            var levelText = Paint(f.Level.ToName(), LevelColor(f.Level));
            output.WriteLine($"{Paint(f.Span.ToString(), "\u001b[1m")}  {levelText}  {f.RuleId} {f.RuleName}  {f.Message}");
            if (Frame(result, f.Span, lineCache) is { } frame) output.Write(frame);
        }
    }

    private string? Frame(LintResult result, SourceSpan span, Dictionary<string, string[]> cache)
    {
        if (!cache.TryGetValue(span.File, out var lines))
        {
            lines = result.Model.Sources.TryGetValue(span.File, out var text) ? text.Replace("\r\n", "\n").Split('\n') : [];
            cache[span.File] = lines;
        }
        if (span.StartLine < 1 || span.StartLine > lines.Length) return null;
        var line = lines[span.StartLine - 1].Replace('\t', ' ');
        if (line.Length > 200) return null; // minified code: a frame would not help
        var number = span.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        var start = Math.Clamp(span.StartColumn - 1, 0, line.Length);
        var width = span.EndLine == span.StartLine ? Math.Max(1, span.EndColumn - span.StartColumn) : 1;
        width = Math.Min(width, Math.Max(1, line.Length - start));
        return $"  {number} | {line}\n  {gutter} | {new string(' ', start)}{Paint(new string('^', width), "\u001b[31m")}\n";
    }

    private string Paint(string text, string code) => color ? code + text + Reset : text;

    private static string LevelColor(Level level) => level switch
    {
        Level.Error => "\u001b[31m",
        Level.Warning => "\u001b[33m",
        _ => "\u001b[36m",
    };
}
