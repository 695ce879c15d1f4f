using YamlDotNet.RepresentationModel;

namespace ManifestLint.Loading;

/// <summary>Null-tolerant navigation over YamlDotNet's representation model: wrong types read as absent.</summary>
internal static class YamlNav
{
    /// <summary>Merge keys (`<<: *base`) nest at most this deep; aliases can otherwise form cycles.</summary>
    private const int MaxMergeDepth = 8;

    public static YamlNode? Get(this YamlNode? node, string key) => Get(node, key, 0);

    private static YamlNode? Get(YamlNode? node, string key, int depth)
    {
        if (node is not YamlMappingNode map) return null;
        YamlNode? merge = null;
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode s) continue;
            if (s.Value == key) return v;
            if (s.Value == "<<" && s.Style == YamlDotNet.Core.ScalarStyle.Plain) merge = v;
        }
        if (merge is null || depth >= MaxMergeDepth) return null;
        // YAML 1.1 merge: the local keys win, then each merged mapping in order.
        foreach (var source in merge is YamlSequenceNode list ? list.Children : [merge])
        {
            if (Get(source, key, depth + 1) is { } found) return found;
        }
        return null;
    }

    public static YamlScalarNode? KeyNode(this YamlNode? node, string key)
    {
        if (node is not YamlMappingNode map) return null;
        foreach (var k in map.Children.Keys)
        {
            if (k is YamlScalarNode s && s.Value == key) return s;
        }
        return null;
    }

    public static string? Str(this YamlNode? node) =>
        node is YamlScalarNode { Value: { } v } s && !IsNull(s) ? v : null;

    public static string? Str(this YamlNode? node, string key) => node.Get(key).Str();

    public static bool Bool(this YamlNode? node, string key) =>
        string.Equals(node.Get(key).Str(), "true", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<YamlNode> Items(this YamlNode? node) =>
        node is YamlSequenceNode seq ? seq.Children : [];

    public static IEnumerable<YamlNode> Items(this YamlNode? node, string key) => node.Get(key).Items();

    public static IReadOnlyDictionary<string, string> StringMap(this YamlNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map) return result;
        foreach (var (k, v) in map.Children)
        {
            if (k.Str() is { } key && v is YamlScalarNode) result[key] = v.Str() ?? "";
        }
        return result;
    }

    public static SourceSpan Span(this YamlNode node, string file) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column, (int)node.End.Line, (int)node.End.Column);

    private static bool IsNull(YamlScalarNode s) =>
        s.Style == YamlDotNet.Core.ScalarStyle.Plain && s.Value is "" or "~" or "null" or "Null" or "NULL";
}
