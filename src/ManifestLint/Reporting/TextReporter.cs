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
            output.WriteLine($"{Paint(Safe(f.Span.ToString()), "\u001b[1m")}  {levelText}  {f.RuleId} {f.RuleName}  {Safe(f.Message)}");
            if (Frame(result, f.Span, lineCache) is { } frame) output.Write(frame);
        }
    }

    private string? Frame(LintResult result, SourceSpan span, Dictionary<string, string[]> cache)
    {
        if (!cache.TryGetValue(span.File, out var lines))
        {
            lines = result.Model.Sources.TextForDisplay(span.File) is { } text ? text.Replace("\r\n", "\n").Split('\n') : [];
            cache[span.File] = lines;
        }
        if (span.StartLine < 1 || span.StartLine > lines.Length) return null;
        var line = Safe(lines[span.StartLine - 1].Replace('\t', ' '));
        if (line.Length > 200) return null; // minified code: a frame would not help
        var number = span.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        var start = Math.Clamp(span.StartColumn - 1, 0, line.Length);
        var width = span.EndLine == span.StartLine ? Math.Max(1, span.EndColumn - span.StartColumn) : 1;
        width = Math.Min(width, Math.Max(1, line.Length - start));
        return $"  {number} | {line}\n  {gutter} | {new string(' ', start)}{Paint(new string('^', width), "\u001b[31m")}\n";
    }

    private string Paint(string text, string code) => color ? code + text + Reset : text;

    /// <summary>Linted files are untrusted: control characters (escape sequences, carriage returns) and bidi
    /// overrides from them must not reach the terminal. They are shown as `\u{1b}`.</summary>
    internal static string Safe(string text)
    {
        if (!text.Any(IsUnsafe)) return text;
        var sb = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text) sb.Append(IsUnsafe(c) ? $"\\u{{{(int)c:x}}}" : c.ToString());
        return sb.ToString();
    }

    private static bool IsUnsafe(char c) => c < 0x20 || c == 0x7f || c is >= '\u0080' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';

    private static string LevelColor(Level level) => level switch
    {
        Level.Error => "\u001b[31m",
        Level.Warning => "\u001b[33m",
        _ => "\u001b[36m",
    };
}
