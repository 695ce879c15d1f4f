using YamlDotNet.Core;

namespace ManifestLint.Loading.Yaml;

/// <summary>Builds <see cref="YamlNode"/> documents from a stream of node events, with YamlDotNet's representation
/// model's rules: an alias is the node its anchor last named, and a mapping key may not repeat (same value and tag),
/// reported at the key when the event after its value arrives (YamlDotNet's model reads one event ahead, so an error
/// there comes first). Iterative (an explicit stack of open collections), and guarded as ManifestLint needs: nesting
/// deeper than the limit is refused, and so is an alias inside the node it names (`&a [*a]`, which kubectl refuses as
/// well) or with no anchor before it in its document. Collection keys, which Kubernetes never has, are not compared
/// for duplicates.</summary>
internal sealed class YamlTreeBuilder(int maxDepth)
{
    /// <summary>An open mapping or sequence: its children are <see cref="items"/> from <see cref="Open.From"/> on
    /// (keys and values alternating in a mapping).</summary>
    private sealed class Open(bool isMapping, Mark start, Mark end, string? anchor, int from)
    {
        public readonly bool IsMapping = isMapping;
        public readonly Mark Start = start, End = end;
        public readonly string? Anchor = anchor;
        public readonly int From = from;
        /// <summary>Scalar keys seen so far, once the mapping is too long for a linear scan.</summary>
        public HashSet<(string? Tag, string Value)>? Keys;
    }

    private const int LinearKeyScan = 8;

    private readonly List<YamlNode> items = [];
    private readonly List<Open> open = [];
    private readonly Dictionary<string, YamlNode> anchors = new(StringComparer.Ordinal);
    private YamlNode? root;
    /// <summary>A mapping whose last key is checked when the next event arrives.</summary>
    private Open? keyToCheck;

    public List<YamlNode> Documents { get; } = [];

    public void DocumentStart()
    {
        anchors.Clear();
        root = null;
    }

    public void DocumentEnd()
    {
        CheckPendingKey();
        if (root is not null) Documents.Add(root);
        root = null;
    }

    public void Scalar(string value, ScalarStyle style, Mark start, Mark end, string? anchor = null, string? tag = null)
    {
        CheckPendingKey();
        Complete(new YamlScalarNode(value, style, tag, start, end), anchor);
    }

    public void MappingStart(Mark start, Mark end, string? anchor = null) => Begin(true, start, end, anchor);

    public void SequenceStart(Mark start, Mark end, string? anchor = null) => Begin(false, start, end, anchor);

    /// <summary>Ends the innermost open mapping or sequence.</summary>
    public void CollectionEnd()
    {
        CheckPendingKey();
        var block = open[^1];
        open.RemoveAt(open.Count - 1);
        var count = items.Count - block.From;
        YamlNode node;
        if (block.IsMapping)
        {
            // YamlDotNet's parser can end a mapping after a key (`: # …` after a block scalar); its model then fails
            // on the end event, and so does this: the loader reports invalid structure there.
            if (count % 2 != 0) throw new InvalidOperationException("a mapping ends after a key, without its value");
            var children = new KeyValuePair<YamlNode, YamlNode>[count / 2];
            for (var i = 0; i < children.Length; i++) children[i] = new(items[block.From + 2 * i], items[block.From + 2 * i + 1]);
            node = new YamlMappingNode(children, block.Start, block.End);
        }
        else
        {
            var children = new YamlNode[count];
            items.CopyTo(block.From, children, 0, count);
            node = new YamlSequenceNode(children, block.Start, block.End);
        }
        items.RemoveRange(block.From, count);
        Complete(node, block.Anchor);
    }

    public void Alias(string name, Mark start, Mark end)
    {
        foreach (var block in open)
        {
            if (block.Anchor == name) throw new YamlException(start, end, $"alias *{name} is used inside the node it names (a cycle)");
        }
        if (!anchors.TryGetValue(name, out var node)) throw new YamlException(start, end, $"alias *{name} has no anchor &{name} before it in this document");
        CheckPendingKey();
        Add(node);
    }

    private void Begin(bool isMapping, Mark start, Mark end, string? anchor)
    {
        if (open.Count >= maxDepth)
        {
            throw new NestingLimitException(start, end, $"nesting is deeper than {maxDepth} levels; ManifestLint does not analyse this document");
        }
        CheckPendingKey();
        open.Add(new Open(isMapping, start, end, anchor, items.Count));
    }

    private void Complete(YamlNode node, string? anchor)
    {
        if (anchor is not null) anchors[anchor] = node;
        Add(node);
    }

    private void Add(YamlNode node)
    {
        if (open.Count == 0)
        {
            root = node;
            return;
        }
        var block = open[^1];
        items.Add(node);
        if (block.IsMapping && (items.Count - block.From) % 2 == 0) keyToCheck = block;
    }

    /// <summary>Checks the key of the pair the previous event completed (its mapping's last).</summary>
    private void CheckPendingKey()
    {
        if (keyToCheck is not { } block) return;
        keyToCheck = null;
        if (items[^2] is not YamlScalarNode key) return;
        var pairs = (items.Count - block.From) / 2;
        if (block.Keys is null && pairs <= LinearKeyScan)
        {
            for (var i = block.From; i < items.Count - 2; i += 2)
            {
                if (items[i] is YamlScalarNode other && other.Value == key.Value && other.Tag == key.Tag) throw Duplicate(key);
            }
            return;
        }
        if (block.Keys is null)
        {
            block.Keys = [];
            for (var i = block.From; i < items.Count - 2; i += 2)
            {
                if (items[i] is YamlScalarNode other) block.Keys.Add((other.Tag, other.Value));
            }
        }
        if (!block.Keys.Add((key.Tag, key.Value))) throw Duplicate(key);
    }

    private static YamlException Duplicate(YamlScalarNode key) => new(key.Start.ToMark(), key.End.ToMark(), $"Duplicate key {key.Value}");
}

/// <summary>The document nests deeper than the limit: valid YAML, perhaps, but not analysed.</summary>
internal sealed class NestingLimitException(Mark start, Mark end, string message) : YamlException(start, end, message);
