using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Kustomize's `namePrefix`/`nameSuffix`: renames the objects of the files it lists, and the
/// references between them (ConfigMap/Secret refs in pods, Ingress backends). Host names inside env values
/// are not rewritten — exactly as kustomize does, which is why `mongodb://mongo` breaks under `namePrefix: prod-`.
/// Like namespaces, a transform applies only when every kustomization that renames a file agrees.</summary>
internal static class KustomizeNames
{
    public static Dictionary<string, (string Prefix, string Suffix)> Transforms(IEnumerable<Kustomization> kustomizations, IEnumerable<string> yamlFiles)
    {
        var files = yamlFiles.Order(StringComparer.Ordinal).ToArray();
        var candidates = new Dictionary<string, HashSet<(string, string)>>(StringComparer.Ordinal);
        foreach (var k in kustomizations.Where(k => k.NamePrefix.Length + k.NameSuffix.Length > 0))
        {
            // The kustomization's own generators are renamed too.
            foreach (var file in k.Resources.SelectMany(r => KustomizeNamespaces.Under(files, r)).Append(k.File))
            {
                if (!candidates.TryGetValue(file, out var set)) candidates[file] = set = [];
                set.Add((k.NamePrefix, k.NameSuffix));
            }
        }
        return candidates.Where(c => c.Value.Count == 1).ToDictionary(c => c.Key, c => c.Value.First(), StringComparer.Ordinal);
    }

    /// <summary>Objects renamed per their file's transform; references renamed when they name an object the
    /// same transform renames (references to objects from elsewhere stay as written).</summary>
    public static List<KubeObject> Apply(List<(string File, KubeObject Object)> objects, Dictionary<string, (string Prefix, string Suffix)> transforms)
    {
        if (transforms.Count == 0) return objects.Select(o => o.Object).ToList();
        var renamed = objects.Where(o => transforms.ContainsKey(o.File) && Renames(o.Object.Kind))
            .Select(o => (transforms[o.File], o.Object.Kind, o.Object.Name)).ToHashSet();
        return objects.Select(o => transforms.TryGetValue(o.File, out var t) ? Rename(o.Object, t, renamed) : o.Object).ToList();
    }

    private static bool Renames(string kind) => kind is not ("Namespace" or "CustomResourceDefinition");

    private static KubeObject Rename(KubeObject o, (string Prefix, string Suffix) t, HashSet<((string, string), string, string)> renamed)
    {
        string Ref(string kind, string name) => renamed.Contains((t, kind, name)) ? t.Prefix + name + t.Suffix : name;
        Container Container(Container c) => new()
        {
            Name = c.Name, Image = c.Image, Span = c.Span, EnvKeySpan = c.EnvKeySpan, Ports = c.Ports,
            LivenessProbe = c.LivenessProbe, ReadinessProbe = c.ReadinessProbe, StartupProbe = c.StartupProbe, Command = c.Command, Args = c.Args,
            Env = c.Env.Select(e => new EnvVar
            {
                Name = e.Name, NameSpan = e.NameSpan, Value = e.Value, ValueSpan = e.ValueSpan,
                ConfigMapKeyRef = e.ConfigMapKeyRef is { } cm ? cm with { Name = Ref("ConfigMap", cm.Name) } : null,
                SecretKeyRef = e.SecretKeyRef is { } sk ? sk with { Name = Ref("Secret", sk.Name) } : null,
            }).ToList(),
            EnvFrom = c.EnvFrom.Select(f => f with { Name = Ref(f.Kind == ConfigSourceKind.ConfigMap ? "ConfigMap" : "Secret", f.Name) }).ToList(),
        };
        var pod = o.PodTemplate is not { } p ? null : new PodTemplate
        {
            Labels = p.Labels, Annotations = p.Annotations, RestartPolicy = p.RestartPolicy, EnableServiceLinks = p.EnableServiceLinks,
            Containers = p.Containers.Select(Container).ToList(),
            InitContainers = p.InitContainers.Select(Container).ToList(),
            Volumes = p.Volumes.Select(v => v with { Name = Ref(v.Kind == ConfigSourceKind.ConfigMap ? "ConfigMap" : "Secret", v.Name) }).ToList(),
        };
        return new KubeObject
        {
            Kind = o.Kind, ApiVersion = o.ApiVersion, Namespace = o.Namespace, Labels = o.Labels, Annotations = o.Annotations,
            Span = o.Span, NameSpan = o.NameSpan, ConfigData = o.ConfigData, Service = o.Service, Selector = o.Selector,
            Name = Renames(o.Kind) && o.Name.Length > 0 ? t.Prefix + o.Name + t.Suffix : o.Name,
            PodTemplate = pod,
            IngressBackends = o.IngressBackends.Select(b => b with { Service = Ref("Service", b.Service) }).ToList(),
        };
    }
}
