using YamlDotNet.Core;

namespace ManifestLint.Loading;

/// <summary>Where a YAML error really is. YamlDotNet reports some errors without a mark (1:1) or at the end of
/// the previous token; for tab indentation the tab itself is the place a user must look at.</summary>
internal static class YamlErrorLocation
{
    public static (int Line, int Column) Of(YamlException ex, string text)
    {
        var line = (int)ex.Start.Line;
        var column = (int)ex.Start.Column;
        if (ex.Message.Contains(" tab", StringComparison.Ordinal) && FirstTabIndentation(text, Math.Max(line, 1)) is { } tab)
        {
            return tab;
        }
        return (Math.Max(line, 1), Math.Max(column, 1));
    }

    /// <summary>The first tab in a line's leading whitespace, from line <paramref name="fromLine"/> on.</summary>
    private static (int Line, int Column)? FirstTabIndentation(string text, int fromLine)
    {
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            if (line >= fromLine)
            {
                for (var i = start; i < end && text[i] is ' ' or '\t'; i++)
                {
                    if (text[i] == '\t') return (line, i - start + 1);
                }
            }
            start = end + 1;
            line++;
        }
        return null;
    }
}
