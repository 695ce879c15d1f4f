using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Applies kustomize builds to loaded objects: `namePrefix`/`nameSuffix` rename objects and the
/// references between them (ConfigMap/Secret refs in pods, Ingress backends) — but not host names inside env
/// values, exactly as kustomize does, which is why `mongodb://mongo` breaks under `namePrefix: prod-`;
/// `commonLabels` (and `labels` with `includeSelectors`/`includeTemplates`) add to template labels and selectors.</summary>
internal static class KustomizeNames
{
    /// <summary>Objects renamed and labelled per their file's transform; references renamed when they name an
    /// object the same transform renames (references to objects from elsewhere stay as written). Objects of
    /// kustomization files (generated ConfigMaps/Secrets) also take the build's namespace.</summary>
    public static List<KubeObject> Apply(List<(string File, KubeObject Object)> objects, Dictionary<string, KustomizeTransform> transforms, ISet<string> kustomizationFiles)
    {
        if (transforms.Count == 0) return objects.Select(o => o.Object).ToList();
        var renamed = objects.Where(o => transforms.TryGetValue(o.File, out var t) && t.Prefix.Length + t.Suffix.Length > 0 && Renames(o.Object.Kind))
            .Select(o => (transforms[o.File].Key, o.Object.Kind, o.Object.Name)).ToHashSet();
        return objects.Select(o =>
        {
            if (!transforms.TryGetValue(o.File, out var t)) return o.Object;
            var ns = kustomizationFiles.Contains(o.File) && t.Namespace is { } buildNamespace ? buildNamespace : o.Object.Namespace;
            return t.RenamesOrLabels || ns != o.Object.Namespace ? Rewrite(o.Object, t, ns, renamed) : o.Object;
        }).ToList();
    }

    private static bool Renames(string kind) => kind is not ("Namespace" or "CustomResourceDefinition");

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> added)
    {
        var result = new Dictionary<string, string>(labels, StringComparer.Ordinal);
        foreach (var (k, v) in added) result[k] = v;
        return result;
    }

    private static KubeObject Rewrite(KubeObject o, KustomizeTransform t, string ns, HashSet<(string, string, string)> renamed)
    {
        string Ref(string kind, string name) => renamed.Contains((t.Key, kind, name)) ? t.Prefix + name + t.Suffix : name;
        Container Container(Container c) => new()
        {
            Name = c.Name, Image = c.Image, Span = c.Span, EnvKeySpan = c.EnvKeySpan, Ports = c.Ports, RestartPolicy = c.RestartPolicy,
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
            Labels = With(p.Labels, t.TemplateLabels), Annotations = p.Annotations, RestartPolicy = p.RestartPolicy, EnableServiceLinks = p.EnableServiceLinks,
            Containers = p.Containers.Select(Container).ToList(),
            InitContainers = p.InitContainers.Select(Container).ToList(),
            Volumes = p.Volumes.Select(v => v with { Name = Ref(v.Kind == ConfigSourceKind.ConfigMap ? "ConfigMap" : "Secret", v.Name) }).ToList(),
        };
        var service = o.Service is not { } svc || t.SelectorLabels.Count == 0 || svc.Selector.Count == 0 ? o.Service : new ServiceSpec
        {
            Selector = With(svc.Selector, t.SelectorLabels), SelectorSpan = svc.SelectorSpan, Type = svc.Type, ExternalName = svc.ExternalName,
            ClusterIP = svc.ClusterIP, Ports = svc.Ports,
        };
        var selector = o.Selector is not { } sel || t.SelectorLabels.Count == 0 ? o.Selector
            : sel with { MatchLabels = With(sel.MatchLabels, t.SelectorLabels), Present = true };
        return new KubeObject
        {
            Kind = o.Kind, ApiVersion = o.ApiVersion, Namespace = ns, Labels = With(o.Labels, t.TemplateLabels), Annotations = o.Annotations,
            Span = o.Span, NameSpan = o.NameSpan, ConfigData = o.ConfigData, Service = service, Selector = selector,
            Name = Renames(o.Kind) && o.Name.Length > 0 ? t.Prefix + o.Name + t.Suffix : o.Name,
            PodTemplate = pod,
            IngressBackends = o.IngressBackends.Select(b => b with { Service = Ref("Service", b.Service) }).ToList(),
            IgnoreAnnotations = o.IgnoreAnnotations,
        };
    }
}
