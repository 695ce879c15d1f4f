using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ManifestLint.Loading;

/// <summary>Wraps YamlDotNet's (iterative) event parser and stops at a nesting limit, because the
/// representation model recurses per level and a stack overflow cannot be caught in .NET. It also
/// rejects an alias inside the node it names (`&a [*a]`), which kubectl refuses as well, and an alias with no
/// anchor before it in its document, at the alias (YamlDotNet reports that one without a position).</summary>
internal sealed class DepthLimitedParser(IParser inner, int maxDepth) : IParser
{
    private int depth;
    private readonly List<string?> openAnchors = [];
    private readonly HashSet<string> anchors = new(StringComparer.Ordinal);

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        if (inner.Current is NodeEvent { Anchor.IsEmpty: false } anchored) anchors.Add(anchored.Anchor.Value);
        switch (inner.Current)
        {
            case DocumentStart:
                anchors.Clear();
                break;
            case NodeEvent { } start and (SequenceStart or MappingStart):
                if (++depth > maxDepth)
                {
                    throw new NestingLimitException(inner.Current.Start, inner.Current.End,
                        $"nesting is deeper than {maxDepth} levels; ManifestLint does not analyse this document");
                }
                openAnchors.Add(start.Anchor.IsEmpty ? null : start.Anchor.Value);
                break;
            case SequenceEnd or MappingEnd:
                depth--;
                if (openAnchors.Count > 0) openAnchors.RemoveAt(openAnchors.Count - 1);
                break;
            case AnchorAlias alias when openAnchors.Contains(alias.Value.Value):
                throw new YamlException(alias.Start, alias.End, $"alias *{alias.Value.Value} is used inside the node it names (a cycle)");
            case AnchorAlias alias when !anchors.Contains(alias.Value.Value):
                throw new YamlException(alias.Start, alias.End, $"alias *{alias.Value.Value} has no anchor &{alias.Value.Value} before it in this document");
        }
        return true;
    }
}

/// <summary>The document nests deeper than the limit: valid YAML, perhaps, but not analysed.</summary>
internal sealed class NestingLimitException(Mark start, Mark end, string message) : YamlException(start, end, message);
