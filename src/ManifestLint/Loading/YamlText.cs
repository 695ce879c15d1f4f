using System.Diagnostics.CodeAnalysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ManifestLint.Loading;

/// <summary>Why a YAML text did not load, and where (1-based). <paramref name="TooDeep"/>: the nesting limit,
/// not a syntax error.</summary>
internal sealed record YamlError(int Line, int Column, string Message, bool TooDeep);

/// <summary>Loads YAML text into the representation model with the nesting guard. Every failure becomes one located
/// <see cref="YamlError"/>: YamlDotNet reports some structural errors (an unclosed `[`) as InvalidOperationException
/// or ArgumentException without a mark, and some with a misleading one (tabs), and none of that may escape a loader.</summary>
internal static class YamlText
{
    public static bool TryLoad(string text, int maxDepth, [NotNullWhen(true)] out YamlStream? stream, [NotNullWhen(false)] out YamlError? error)
    {
        // Most manifests are in the block-style subset SubsetYamlParser reads (several times faster); the rest,
        // and every error, go through YamlDotNet's parser.
        IParser parser = SubsetYamlParser.TryParse(text) is { } events ? new EventReplay(events) : new Parser(new StringReader(text));
        stream = new YamlStream();
        error = null;
        try
        {
            stream.Load(new DepthLimitedParser(parser, maxDepth));
            return true;
        }
        catch (YamlException ex)
        {
            var (line, column) = YamlErrorLocation.Of(ex, text);
            error = new YamlError(line, column, ex.Message, ex is NestingLimitException);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // The last event read is where the parser stopped.
            var mark = parser.Current?.Start ?? Mark.Empty;
            error = new YamlError(Math.Max((int)mark.Line, 1), Math.Max((int)mark.Column, 1), "invalid YAML structure (is a `[` or `{` left unclosed?)", TooDeep: false);
        }
        stream = null;
        return false;
    }
}

/// <summary>Replays a list of parsing events as a parser.</summary>
internal sealed class EventReplay(List<YamlDotNet.Core.Events.ParsingEvent> events) : IParser
{
    private int index = -1;

    public YamlDotNet.Core.Events.ParsingEvent? Current => index >= 0 && index < events.Count ? events[index] : null;

    public bool MoveNext() => ++index < events.Count;
}
