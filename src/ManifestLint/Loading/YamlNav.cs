using ManifestLint.Model;
using ManifestLint.Loading.Yaml;

namespace ManifestLint.Loading;

/// <summary>Null-tolerant navigation over the YAML tree: wrong types read as absent.</summary>
internal static class YamlNav
{
    /// <summary>The value of a key, honouring YAML merge keys (`<<: *base`, `<<: [*a, *b]`): local keys
    /// win, then merged mappings depth-first in order. Each mapping is visited once, within a budget.</summary>
    public static YamlNode? Get(this YamlNode? node, string key)
    {
        if (node is not YamlMappingNode first) return null;
        if (Direct(first, key, out var merge) is { } found) return found;
        if (merge is null) return null;
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance) { first };
        var pending = new Stack<YamlNode>();
        PushMerged(pending, merge);
        while (pending.Count > 0)
        {
            if (pending.Pop() is not YamlMappingNode map || seen.Contains(map)) continue;
            if (!MergeBudget.Allows(seen.Count, first)) break;
            seen.Add(map);
            if (Direct(map, key, out var nested) is { } value) return value;
            if (nested is not null) PushMerged(pending, nested);
        }
        return null;
    }

    private static YamlNode? Direct(YamlMappingNode map, string key, out YamlNode? merge)
    {
        merge = null;
        var children = map.Children;
        for (var i = 0; i < children.Length; i++)
        {
            var (k, v) = children[i];
            if (k is not YamlScalarNode s) continue;
            if (s.Value == key) return v;
            if (s.Value == "<<" && s.Style == YamlDotNet.Core.ScalarStyle.Plain) merge = v;
        }
        return null;
    }

    private static void PushMerged(Stack<YamlNode> pending, YamlNode merge)
    {
        if (merge is YamlSequenceNode list)
        {
            for (var i = list.Children.Length - 1; i >= 0; i--) pending.Push(list.Children[i]);
        }
        else
        {
            pending.Push(merge);
        }
    }

    public static YamlScalarNode? KeyNode(this YamlNode? node, string key)
    {
        if (node is not YamlMappingNode map) return null;
        foreach (var (k, _) in map.Children)
        {
            if (k is YamlScalarNode s && s.Value == key) return s;
        }
        return null;
    }

    public static string? Str(this YamlNode? node) =>
        node is YamlScalarNode { Value: { } v } s && !IsNull(s) ? StringPool.Shared(v) : null;

    public static string? Str(this YamlNode? node, string key) => node.Get(key).Str();

    public static bool Bool(this YamlNode? node, string key) =>
        string.Equals(node.Get(key).Str(), "true", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<YamlNode> Items(this YamlNode? node) =>
        node is YamlSequenceNode seq ? seq.Children : [];

    public static IEnumerable<YamlNode> Items(this YamlNode? node, string key) => node.Get(key).Items();

    /// <summary>A mapping's scalar entries, merge keys (`<<: *labels`) included, as kubectl reads them.</summary>
    public static IReadOnlyDictionary<string, string> StringMap(this YamlNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Entries())
        {
            if (value is YamlScalarNode) result[StringPool.Shared(key.Value!)] = value.Str() ?? "";
        }
        return SmallMap<string>.Shared(result);
    }

    /// <summary>A mapping's entries with merge keys resolved: merged entries first, then the mapping's own, later
    /// ones replacing earlier ones of the same key (so the mapping's own keys win, as in kubectl). Merged mappings
    /// are visited once each, within the merge budget.</summary>
    public static IReadOnlyList<(YamlScalarNode Key, YamlNode Value)> Entries(this YamlNode? node)
    {
        if (node is not YamlMappingNode map) return [];
        if (!HasMergeKey(map)) return OwnEntries(map);
        var layers = new List<YamlMappingNode>();
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<YamlNode>();
        pending.Push(map);
        var merges = false;
        while (pending.Count > 0)
        {
            if (pending.Pop() is not YamlMappingNode layer || seen.Contains(layer)) continue;
            if (!MergeBudget.Allows(seen.Count, map)) break;
            seen.Add(layer);
            layers.Add(layer);
            var children = layer.Children;
            for (var c = 0; c < children.Length; c++)
            {
                var (k, v) = children[c];
                if (IsMergeKey(k)) { PushMerged(pending, v); merges = true; }
            }
        }
        var result = new List<(YamlScalarNode, YamlNode)>(map.Children.Length);
        var index = merges ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
        // Later layers are merged sources (lower precedence): apply them first.
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            var children = layers[i].Children;
            for (var c = 0; c < children.Length; c++)
            {
                var (k, v) = children[c];
                if (k is not YamlScalarNode key || key.Str() is not { } name || IsMergeKey(k)) continue;
                if (index is null) { result.Add((key, v)); continue; }
                if (index.TryGetValue(name, out var at)) result[at] = (key, v);
                else { index[name] = result.Count; result.Add((key, v)); }
            }
        }
        return result;
    }

    private static bool HasMergeKey(YamlMappingNode map)
    {
        foreach (var (k, _) in map.Children)
        {
            if (IsMergeKey(k)) return true;
        }
        return false;
    }

    /// <summary>The entries of a mapping without merge keys (nearly all): no layers to resolve.</summary>
    private static List<(YamlScalarNode, YamlNode)> OwnEntries(YamlMappingNode map)
    {
        var result = new List<(YamlScalarNode, YamlNode)>(map.Children.Length);
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode key && key.Str() is not null) result.Add((key, v));
        }
        return result;
    }

    private static bool IsMergeKey(YamlNode key) => key is YamlScalarNode { Value: "<<", Style: YamlDotNet.Core.ScalarStyle.Plain };

    public static SourceSpan Span(this YamlNode node, string file) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column, (int)node.End.Line, (int)node.End.Column);

    private static bool IsNull(YamlScalarNode s) =>
        s.Style == YamlDotNet.Core.ScalarStyle.Plain && s.Value is "" or "~" or "null" or "Null" or "NULL";
}
