using ManifestLint.Loading;
using ManifestLint.Loading.Yaml;

namespace ManifestLint.Config;

/// <summary>The structured sections of `.manifestlint.yaml`: `external:` and `apps:`.</summary>
internal static class ConfigSections
{
    private static readonly string[] ExternalKeys = ["env", "services", "configMaps", "secrets"];

    /// <summary>`external: { env: [VAULT_TOKEN], services: [payments.billing], configMaps: [...], secrets: [prod/db] }`.</summary>
    public static ExternalObjects External(string file, YamlNode node)
    {
        if (node is not YamlMappingNode map) throw ConfigLoader.Error(file, node, "`external` must be a mapping with env, services, configMaps, secrets");
        var sets = ExternalKeys.ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var (keyNode, value) in map.Children)
        {
            var key = keyNode.Str() ?? "";
            if (!sets.TryGetValue(key, out var set)) throw ConfigLoader.Error(file, keyNode, $"unknown key `external.{key}` (known: {string.Join(", ", ExternalKeys)})");
            if (value is not YamlSequenceNode) throw ConfigLoader.Error(file, value, $"`external.{key}` must be a list of names");
            foreach (var item in value.Items()) set.Add(item.Str() ?? throw ConfigLoader.Error(file, item, "names must be strings"));
        }
        return new ExternalObjects(sets["env"], sets["services"], sets["configMaps"], sets["secrets"]);
    }

    /// <summary>`apps: [{ source: backend, workload: Deployment/chat-app/backend, container: api }]`.</summary>
    public static IReadOnlyList<AppMapping> Apps(string file, YamlNode node)
    {
        if (node is not YamlSequenceNode list) throw ConfigLoader.Error(file, node, "`apps` must be a list of { source, workload, container }");
        var apps = new List<AppMapping>();
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode entry) throw ConfigLoader.Error(file, item, "each `apps` entry must be a mapping");
            foreach (var keyNode in entry.Keys)
            {
                if (keyNode.Str() is not ("source" or "workload" or "container")) throw ConfigLoader.Error(file, keyNode, $"unknown key `{keyNode.Str()}` in an `apps` entry (known: source, workload, container)");
            }
            var source = entry.Str("source") ?? throw ConfigLoader.Error(file, entry, "an `apps` entry needs `source` (the app's folder)");
            var workload = entry.Str("workload") ?? throw ConfigLoader.Error(file, entry, "an `apps` entry needs `workload` (Kind/namespace/name)");
            apps.Add(new AppMapping(source, workload, entry.Str("container")));
        }
        return apps;
    }
}
