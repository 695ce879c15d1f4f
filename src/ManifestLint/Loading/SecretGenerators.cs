using ManifestLint.Model;
using ManifestLint.Loading.Yaml;

namespace ManifestLint.Loading;

/// <summary>Custom resources that create a Secret at deploy time: Bitnami SealedSecret and
/// External Secrets Operator's ExternalSecret. Keeping secrets out of git this way is good
/// practice, so their Secrets count as defined.</summary>
internal static class SecretGenerators
{
    public static KubeObject? Read(string file, YamlNode root, string kind, string defaultNamespace, string? namespaceOverride)
    {
        var apiVersion = root.Str("apiVersion") ?? "";
        var metadata = root.Get("metadata");
        var spec = root.Get("spec");
        string? name;
        var entries = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        var keysUnknown = false;
        if (kind == "SealedSecret" && apiVersion.StartsWith("bitnami.com/", StringComparison.Ordinal))
        {
            var template = spec.Get("template").Get("metadata");
            name = template.Str("name") ?? metadata.Str("name");
            AddKeys(file, spec.Get("encryptedData"), entries);
            AddKeys(file, spec.Get("template").Get("data"), entries);
        }
        else if (kind == "ExternalSecret" && apiVersion.StartsWith("external-secrets.io/", StringComparison.Ordinal))
        {
            name = spec.Get("target").Str("name") ?? metadata.Str("name");
            foreach (var item in spec.Items("data"))
            {
                if (item.Get("secretKey") is { } keyNode && keyNode.Str() is { } key) entries[key] = new ConfigValue(key, null, keyNode.Span(file));
            }
            keysUnknown = spec.Get("dataFrom") is YamlSequenceNode { Children.Length: > 0 } || spec.Get("target").Get("template") is not null;
        }
        else
        {
            return null;
        }
        if (name is null) return null;
        return new KubeObject
        {
            Kind = "Secret",
            ApiVersion = "v1",
            Name = name,
            Namespace = namespaceOverride ?? metadata.Str("namespace") ?? defaultNamespace,
            Labels = new Dictionary<string, string>(),
            Annotations = new Dictionary<string, string>(),
            Span = root.Span(file),
            NameSpan = (metadata.Get("name") ?? root).Span(file),
            ConfigData = new ConfigData { Kind = ConfigSourceKind.Secret, Entries = entries, KeysUnknown = keysUnknown },
        };
    }

    private static void AddKeys(string file, YamlNode? map, Dictionary<string, ConfigValue> entries)
    {
        if (map is not YamlMappingNode m) return;
        foreach (var (k, v) in m.Children)
        {
            if (k.Str() is { } key) entries[key] = new ConfigValue(key, null, v.Span(file));
        }
    }
}
