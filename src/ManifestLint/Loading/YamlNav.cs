using YamlDotNet.RepresentationModel;

namespace ManifestLint.Loading;

/// <summary>Null-tolerant navigation over YamlDotNet's representation model: wrong types read as absent.</summary>
internal static class YamlNav
{
    public static YamlNode? Get(this YamlNode? node, string key)
    {
        if (node is not YamlMappingNode map) return null;
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode s && s.Value == key) return v;
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
