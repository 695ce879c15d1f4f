using System.Collections.Immutable;
using System.Runtime.InteropServices;
using YamlDotNet.Core;

namespace ManifestLint.Loading.Yaml;

/// <summary>A 1-based position in a YAML text.</summary>
internal readonly record struct YamlMark(int Line, int Column)
{
    /// <summary>As YamlDotNet's mark, for exceptions that carry one (the offset is not kept: nothing reads it).</summary>
    public Mark ToMark() => new(0, Line, Column);
}

/// <summary>ManifestLint's own read-only YAML tree, shaped like YamlDotNet's representation model (same node kinds,
/// values, styles and spans: a differential test holds it to that) but several times smaller: positions are ints,
/// children are exact-size arrays, there is no per-mapping dictionary. Built by <see cref="YamlTreeBuilder"/>; an
/// alias is the node it names (one instance), as in YamlDotNet's model. A node's span is that of its start event.</summary>
internal abstract class YamlNode
{
    private readonly int startLine, startColumn, endLine, endColumn;

    protected YamlNode(Mark start, Mark end)
    {
        (startLine, startColumn) = ((int)start.Line, (int)start.Column);
        (endLine, endColumn) = ((int)end.Line, (int)end.Column);
    }

    public YamlMark Start => new(startLine, startColumn);
    public YamlMark End => new(endLine, endColumn);
}

internal sealed class YamlScalarNode(string value, ScalarStyle style, string? tag, Mark start, Mark end) : YamlNode(start, end)
{
    public string Value { get; } = value;
    public ScalarStyle Style { get; } = style;
    /// <summary>An explicit tag (`!!str`), else null. Two keys are the same key when value and tag are (YamlDotNet's rule).</summary>
    public string? Tag { get; } = tag;

    public override string ToString() => Value;
}

internal sealed class YamlMappingNode(KeyValuePair<YamlNode, YamlNode>[] children, Mark start, Mark end) : YamlNode(start, end)
{
    /// <summary>Entries in document order (keys are unique: a duplicate is a load error).</summary>
    public ImmutableArray<KeyValuePair<YamlNode, YamlNode>> Children { get; } = ImmutableCollectionsMarshal.AsImmutableArray(children);

    public IEnumerable<YamlNode> Keys => Children.Select(c => c.Key);
}

internal sealed class YamlSequenceNode(YamlNode[] children, Mark start, Mark end) : YamlNode(start, end)
{
    public ImmutableArray<YamlNode> Children { get; } = ImmutableCollectionsMarshal.AsImmutableArray(children);
}
