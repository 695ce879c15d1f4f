using ManifestLint.Linking;
using ManifestLint.Model;
using ManifestLint.Loading.Yaml;

namespace ManifestLint.Loading;

/// <summary>Reads kustomization.yaml: `namespace`, `resources`, patches, and
/// configMapGenerator/secretGenerator (their keys, when literal).</summary>
internal static class KustomizationLoader
{
    public static (Kustomization? Kustomization, LoadProblem? Problem) Load(string file, string text, string defaultNamespace, int maxDepth)
    {
        if (!YamlText.TryLoad(text, maxDepth, out var documents, out var error))
        {
            return (null, new LoadProblem(SourceSpan.At(file, error.Line, error.Column), "YAML", error.Message, error.TooDeep ? "maxNestingDepth" : null));
        }
        if (documents.Count == 0 || documents[0] is not YamlMappingNode root) return (null, null);
        var dir = PathUtil.DirOf(file);
        var ns = root.Str("namespace");
        var generated = new List<KubeObject>();
        foreach (var (section, kind) in new[] { ("configMapGenerator", ConfigSourceKind.ConfigMap), ("secretGenerator", ConfigSourceKind.Secret) })
        {
            foreach (var gen in root.Items(section))
            {
                if (gen.Get("name") is not { } nameNode || nameNode.Str() is not { } name) continue;
                generated.Add(Generated(file, kind, name, nameNode, gen.Str("namespace") ?? ns ?? defaultNamespace, gen));
            }
        }
        var patches = root.Items("patchesStrategicMerge").Select(n => n.Str())
            .Concat(root.Items("patches").Select(n => n.Str("path")))
            .Concat(root.Items("patchesJson6902").Select(n => n.Str("path")))
            .OfType<string>().Select(p => PathUtil.Join(dir, p)).ToList();
        var listed = root.Items("resources").Concat(root.Items("bases")).Where(n => n.Str() is not null).ToList();
        var resources = listed.Select(n => n.Str()!).Where(r => !Kustomization.IsRemote(r)).Select(r => PathUtil.Join(dir, r)).ToList();
        var remote = listed.Where(n => Kustomization.IsRemote(n.Str()!)).Select(n => (n.Str()!, n.Span(file))).ToList();
        var templateLabels = new Dictionary<string, string>(root.Get("commonLabels").StringMap(), StringComparer.Ordinal);
        var selectorLabels = new Dictionary<string, string>(templateLabels, StringComparer.Ordinal);
        foreach (var entry in root.Items("labels"))
        {
            var pairs = entry.Get("pairs").StringMap();
            var selectors = entry.Bool("includeSelectors");
            if (!selectors && !entry.Bool("includeTemplates")) continue; // metadata labels only
            foreach (var (k, v) in pairs)
            {
                templateLabels[k] = v;
                if (selectors) selectorLabels[k] = v;
            }
        }
        return (new Kustomization
        {
            TemplateLabels = templateLabels,
            SelectorLabels = selectorLabels,
            File = file, Dir = dir, Namespace = ns, NamePrefix = root.Str("namePrefix") ?? "", NameSuffix = root.Str("nameSuffix") ?? "", Resources = resources, PatchFiles = patches, Generated = generated, RemoteResources = remote,
        }, null);
    }

    private static KubeObject Generated(string file, ConfigSourceKind kind, string name, YamlNode nameNode, string ns, YamlNode gen)
    {
        var entries = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        var span = nameNode.Span(file);
        foreach (var literal in gen.Items("literals"))
        {
            var text = literal.Str() ?? "";
            var eq = text.IndexOf('=');
            if (eq > 0) entries[text[..eq]] = new ConfigValue(text[..eq], text[(eq + 1)..], literal.Span(file));
        }
        foreach (var f in gen.Items("files"))
        {
            var text = f.Str() ?? "";
            var eq = text.IndexOf('=');
            var key = eq > 0 ? text[..eq] : Path.GetFileName(text);
            entries[key] = new ConfigValue(key, null, f.Span(file));
        }
        return new KubeObject
        {
            Kind = kind == ConfigSourceKind.ConfigMap ? "ConfigMap" : "Secret",
            ApiVersion = "v1",
            Name = name,
            Namespace = ns,
            Labels = new Dictionary<string, string>(),
            Annotations = new Dictionary<string, string>(),
            Span = gen.Span(file),
            NameSpan = span,
            // `envs:` files (KEY=value lines) are not read, so their keys are unknown.
            ConfigData = new ConfigData { Kind = kind, Entries = entries, KeysUnknown = gen.Get("envs") is YamlSequenceNode { Children.Length: > 0 } },
        };
    }
}
