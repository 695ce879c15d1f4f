using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ManifestLint.Loading;

/// <summary>Loads YAML text into the representation model with the nesting guard, turning every failure into a
/// located <see cref="YamlException"/>: YamlDotNet reports some structural errors (an unclosed `[`) as
/// InvalidOperationException or ArgumentException without a mark, and those must not escape a loader.</summary>
internal static class YamlText
{
    public static (YamlStream? Stream, YamlException? Error) Load(string text, int maxDepth)
    {
        var parser = new Parser(new StringReader(text));
        var stream = new YamlStream();
        try
        {
            stream.Load(new DepthLimitedParser(parser, maxDepth));
            return (stream, null);
        }
        catch (YamlException ex)
        {
            return (null, ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // The last event read is where the parser stopped.
            var mark = parser.Current?.Start ?? Mark.Empty;
            return (null, new YamlException(mark, mark, "invalid YAML structure (is a `[` or `{` left unclosed?)"));
        }
    }
}
