using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ManifestLint.Loading;

/// <summary>Wraps YamlDotNet's (iterative) event parser and stops at a nesting limit, because the
/// representation model recurses per level and a stack overflow cannot be caught in .NET.</summary>
internal sealed class DepthLimitedParser(IParser inner, int maxDepth) : IParser
{
    private int depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        switch (inner.Current)
        {
            case SequenceStart or MappingStart:
                if (++depth > maxDepth)
                {
                    throw new YamlException(inner.Current.Start, inner.Current.End,
                        $"nesting is deeper than {maxDepth} levels; ManifestLint does not analyse this document");
                }
                break;
            case SequenceEnd or MappingEnd:
                depth--;
                break;
        }
        return true;
    }
}
