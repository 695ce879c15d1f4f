using System.Diagnostics.CodeAnalysis;
using ManifestLint.Loading.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ManifestLint.Loading;

/// <summary>Why a YAML text did not load, and where (1-based). <paramref name="TooDeep"/>: the nesting limit,
/// not a syntax error.</summary>
internal sealed record YamlError(int Line, int Column, string Message, bool TooDeep);

/// <summary>Loads YAML text into <see cref="YamlNode"/> documents with the nesting guard. Every failure becomes one
/// located <see cref="YamlError"/>: YamlDotNet reports some structural errors (an unclosed `[`) as
/// InvalidOperationException or ArgumentException without a mark, and some with a misleading one (tabs), and none of
/// that may escape a loader.</summary>
internal static class YamlText
{
    public static bool TryLoad(string text, int maxDepth, [NotNullWhen(true)] out List<YamlNode>? documents, [NotNullWhen(false)] out YamlError? error)
    {
        error = null;
        // Most manifests are in the block-style subset SubsetYamlParser reads straight into the tree (several times
        // faster); the rest, and every error, go through YamlDotNet's parser.
        documents = SubsetYamlParser.TryParse(text, maxDepth);
        if (documents is not null) return true;
        var parser = new Parser(new StringReader(text));
        try
        {
            documents = Build(parser, new YamlTreeBuilder(maxDepth));
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
        documents = null;
        return false;
    }

    /// <summary>The documents of YamlDotNet's events, read one at a time (so the parser's own errors come where it meets them).</summary>
    internal static List<YamlNode> Build(IParser parser, YamlTreeBuilder builder)
    {
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart:
                    builder.DocumentStart();
                    break;
                case DocumentEnd:
                    builder.DocumentEnd();
                    break;
                case Scalar s:
                    builder.Scalar(s.Value, s.Style, s.Start, s.End, Name(s.Anchor), s.Tag.IsEmpty ? null : s.Tag.Value);
                    break;
                case MappingStart m:
                    builder.MappingStart(m.Start, m.End, Name(m.Anchor));
                    break;
                case SequenceStart q:
                    builder.SequenceStart(q.Start, q.End, Name(q.Anchor));
                    break;
                case MappingEnd or SequenceEnd:
                    builder.CollectionEnd();
                    break;
                case AnchorAlias alias:
                    builder.Alias(alias.Value.Value, alias.Start, alias.End);
                    break;
            }
        }
        return builder.Documents;
    }

    private static string? Name(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;
}
