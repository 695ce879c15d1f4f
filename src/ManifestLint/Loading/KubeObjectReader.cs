using ManifestLint.Model;
using ManifestLint.Loading.Yaml;

namespace ManifestLint.Loading;

/// <summary>Turns one YAML document root into Kubernetes objects. Reads only known paths, so shape
/// errors (a string where a list belongs) read as absent instead of failing the file.</summary>
internal sealed class KubeObjectReader(string file, string defaultNamespace, string? namespaceOverride)
{
    /// <summary>Objects per file beyond this are ignored: aliases can make a tiny file name millions.</summary>
    public const int MaxObjectsPerFile = 10_000;

    /// <summary>Reads a document's objects. `kind: List` items are expanded iteratively, each node once
    /// (by reference), so self-referencing or alias-multiplied Lists cannot loop or explode.</summary>
    public void Read(YamlNode document, List<KubeObject> sink)
    {
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<YamlNode>();
        pending.Push(document);
        while (pending.Count > 0 && sink.Count < MaxObjectsPerFile)
        {
            var root = pending.Pop();
            if (root is not YamlMappingNode || !seen.Add(root)) continue;
            var kind = root.Str("kind");
            if (kind is null || root.Str("apiVersion") is null) continue;
            if (kind == "List" || kind.EndsWith("List", StringComparison.Ordinal) && root.Get("items") is YamlSequenceNode)
            {
                foreach (var item in root.Items("items").Reverse()) pending.Push(item);
                continue;
            }
            sink.Add(ReadObject(root, kind));
            if (SecretGenerators.Read(file, root, kind, defaultNamespace, namespaceOverride) is { } generated) sink.Add(generated);
        }
    }

    private KubeObject ReadObject(YamlNode root, string kind)
    {
        var metadata = root.Get("metadata");
        var nameNode = metadata.Get("name");
        return new KubeObject
        {
            Kind = kind,
            ApiVersion = root.Str("apiVersion") ?? "",
            Name = nameNode.Str() ?? "",
            Namespace = namespaceOverride ?? metadata.Str("namespace") ?? defaultNamespace,
            Labels = metadata.Get("labels").StringMap(),
            Annotations = metadata.Get("annotations").StringMap(),
            Span = root.Span(file),
            NameSpan = (nameNode ?? root).Span(file),
            PodTemplate = ReadPodTemplate(root, kind),
            ConfigData = ReadConfigData(root, kind),
            Service = kind == "Service" ? ReadService(root.Get("spec")) : null,
            Selector = kind is "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" ? ReadSelector(root) : null,
            IngressBackends = kind == "Ingress" ? ReadIngressBackends(root.Get("spec")).ToArray() : [],
            IgnoreAnnotations = new[] { metadata, TemplateMetadata(root, kind) }
                .Select(m => m.Get("annotations").Get(IgnoreAnnotation)).OfType<YamlScalarNode>()
                .Select(n => (n.Value ?? "", n.Span(file))).ToArray(),
        };
    }

    public const string IgnoreAnnotation = "manifestlint.io/ignore";

    private static YamlNode? TemplateMetadata(YamlNode root, string kind) => kind switch
    {
        "CronJob" => root.Get("spec").Get("jobTemplate").Get("spec").Get("template").Get("metadata"),
        "Pod" => null,
        _ => root.Get("spec").Get("template").Get("metadata"),
    };

    private PodTemplate? ReadPodTemplate(YamlNode root, string kind)
    {
        YamlNode? template = kind switch
        {
            "Pod" => root,
            "CronJob" => root.Get("spec").Get("jobTemplate").Get("spec").Get("template"),
            "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "ReplicationController" or "Job"
                => root.Get("spec").Get("template"),
            // Argo Rollouts: a Deployment with a rollout strategy; Services select its pods.
            "Rollout" when root.Str("apiVersion")?.StartsWith("argoproj.io/", StringComparison.Ordinal) == true => root.Get("spec").Get("template"),
            _ => null,
        };
        if (template is null) return null;
        var meta = template.Get("metadata");
        var spec = template.Get("spec");
        return new PodTemplate
        {
            Labels = meta.Get("labels").StringMap(),
            Annotations = meta.Get("annotations").StringMap(),
            Containers = spec.Items("containers").Select(ReadContainer).ToArray(),
            InitContainers = spec.Items("initContainers").Select(ReadContainer).ToArray(),
            RestartPolicy = spec.Str("restartPolicy"),
            EnableServiceLinks = !string.Equals(spec.Str("enableServiceLinks"), "false", StringComparison.OrdinalIgnoreCase),
            Volumes = spec.Items("volumes").SelectMany(ReadVolume).ToArray(),
        };
    }

    private IEnumerable<VolumeSource> ReadVolume(YamlNode volume)
    {
        var name = volume.Str("name") ?? "";
        if (Source(name, volume.Get("configMap"), ConfigSourceKind.ConfigMap, "name") is { } cm) yield return cm;
        if (Source(name, volume.Get("secret"), ConfigSourceKind.Secret, "secretName") is { } secret) yield return secret;
        foreach (var projected in volume.Get("projected").Items("sources"))
        {
            if (Source(name, projected.Get("configMap"), ConfigSourceKind.ConfigMap, "name") is { } pcm) yield return pcm;
            if (Source(name, projected.Get("secret"), ConfigSourceKind.Secret, "name") is { } psecret) yield return psecret;
        }
    }

    private VolumeSource? Source(string volume, YamlNode? node, ConfigSourceKind kind, string nameKey)
    {
        if (node.Get(nameKey) is not { } nameNode || nameNode.Str() is not { } name) return null;
        var items = node.Items("items").Select(i => i.Get("key")).OfType<YamlNode>()
            .Where(k => k.Str() is not null).Select(k => (k.Str()!, k.Span(file))).ToArray();
        return new VolumeSource(volume, kind, name, nameNode.Span(file), node.Bool("optional"), items);
    }

    private Container ReadContainer(YamlNode node) => new()
    {
        Name = node.Str("name") ?? "",
        Image = node.Str("image"),
        Span = node.Span(file),
        EnvKeySpan = node.KeyNode("env")?.Span(file),
        Ports = node.Items("ports").Select(p => new ContainerPort(
            p.Str("name"), ParseInt(p.Str("containerPort")), p.Span(file))).ToArray(),
        Env = node.Items("env").Select(ReadEnvVar).Where(e => e is not null).Select(e => e!.Value).ToArray(),
        EnvFrom = node.Items("envFrom").Select(ReadEnvFrom).OfType<EnvFromSource>().ToArray(),
        LivenessProbe = ReadProbe(node.Get("livenessProbe")),
        ReadinessProbe = ReadProbe(node.Get("readinessProbe")),
        StartupProbe = ReadProbe(node.Get("startupProbe")),
        Command = node.Items("command").Select(n => n.Str() ?? "").ToArray(),
        Args = node.Items("args").Select(n => n.Str() ?? "").ToArray(),
        RestartPolicy = node.Str("restartPolicy"),
    };

    private EnvVar? ReadEnvVar(YamlNode node)
    {
        var nameNode = node.Get("name");
        if (nameNode.Str() is not { } name) return null;
        var valueNode = node.Get("value");
        var from = node.Get("valueFrom");
        return new EnvVar
        {
            Name = name,
            NameSpan = nameNode!.Span(file),
            Value = valueNode.Str(),
            ValueSpan = valueNode?.Span(file),
            ConfigMapKeyRef = ReadKeyRef(from.Get("configMapKeyRef")),
            SecretKeyRef = ReadKeyRef(from.Get("secretKeyRef")),
        };
    }

    private KeyRef? ReadKeyRef(YamlNode? node)
    {
        var nameNode = node.Get("name");
        var keyNode = node.Get("key");
        if (nameNode.Str() is not { } name || keyNode.Str() is not { } key) return null;
        return new KeyRef(name, nameNode!.Span(file), key, keyNode!.Span(file), node.Bool("optional"));
    }

    private EnvFromSource? ReadEnvFrom(YamlNode node)
    {
        var prefix = node.Str("prefix") ?? "";
        foreach (var (key, kind) in new[] { ("configMapRef", ConfigSourceKind.ConfigMap), ("secretRef", ConfigSourceKind.Secret) })
        {
            var source = node.Get(key);
            var nameNode = source.Get("name");
            if (nameNode.Str() is { } name)
            {
                return new EnvFromSource(kind, name, nameNode!.Span(file), prefix, source.Bool("optional"));
            }
        }
        return null;
    }

    private Probe? ReadProbe(YamlNode? node)
    {
        if (node is not YamlMappingNode) return null;
        var http = node.Get("httpGet");
        var handler = new[] { "httpGet", "tcpSocket", "grpc", "exec" }.FirstOrDefault(h => node.Get(h) is YamlMappingNode);
        var portNode = http.Get("port") ?? node.Get("tcpSocket").Get("port") ?? node.Get("grpc").Get("port");
        var command = node.Get("exec").Get("command");
        return new Probe(http.Str("path"), portNode.Str(), node.Span(file))
        {
            Handler = handler,
            PathSpan = http.Get("path")?.Span(file),
            PortSpan = portNode?.Span(file),
            Command = command.Items().Select(n => n.Str() ?? "").ToArray(),
            CommandSpan = command?.Span(file),
            InitialDelaySeconds = ParseInt(node.Str("initialDelaySeconds")) ?? 0,
            PeriodSeconds = ParseInt(node.Str("periodSeconds")) ?? 10,
            TimeoutSeconds = ParseInt(node.Str("timeoutSeconds")) ?? 1,
            FailureThreshold = ParseInt(node.Str("failureThreshold")) ?? 3,
            TimeoutSpan = node.Get("timeoutSeconds")?.Span(file),
        };
    }

    private ConfigData? ReadConfigData(YamlNode root, string kind)
    {
        string[] sections = kind switch
        {
            // The kubelet builds env only from `data`; `binaryData` keys never become variables.
            "ConfigMap" => ["data"],
            "Secret" => ["data", "stringData"],
            _ => [],
        };
        if (sections.Length == 0) return null;
        var entries = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            if (root.Get(section) is not YamlMappingNode map) continue;
            foreach (var (k, v) in map.Entries())
            {
                var key = StringPool.Shared(k.Value!);
                // Secret `data` is base64; decode so values can be checked like any other.
                var value = kind == "Secret" && section == "data" ? DecodeBase64(v.Str()) : v.Str();
                entries[key] = new ConfigValue(key, value, v.Span(file));
            }
        }
        return new ConfigData
        {
            Kind = kind == "ConfigMap" ? ConfigSourceKind.ConfigMap : ConfigSourceKind.Secret,
            Entries = SmallMap<ConfigValue>.From(entries),
            BinaryKeys = kind == "ConfigMap" && root.Get("binaryData") is YamlMappingNode binary
                ? binary.Keys.Select(k => k.Str()).OfType<string>().ToHashSet(StringComparer.Ordinal)
                : ConfigData.NoBinaryKeys,
        };
    }

    private ServiceSpec ReadService(YamlNode? spec) => new()
    {
        Selector = spec.Get("selector").StringMap(),
        SelectorSpan = spec.KeyNode("selector")?.Span(file),
        Type = spec.Str("type"),
        ExternalName = spec.Str("externalName"),
        ClusterIP = spec.Str("clusterIP"),
        Ports = spec.Items("ports").Select(p => new ServicePort(p.Str("name"), ParseInt(p.Str("port")), p.Str("targetPort"), p.Span(file))
        {
            TargetSpan = (p.Get("targetPort") ?? p.Get("port") ?? p).Span(file),
        }).ToArray(),
    };

    private WorkloadSelector ReadSelector(YamlNode root)
    {
        var spec = root.Get("spec");
        var selector = spec.Get("selector");
        var expressions = selector.Items("matchExpressions")
            .Select(e => new LabelRequirement(e.Str("key") ?? "", e.Str("operator") ?? "", e.Items("values").Select(v => v.Str() ?? "").ToArray()))
            .ToArray();
        var at = spec.KeyNode("selector") ?? root.KeyNode("spec") as YamlNode ?? root;
        return new WorkloadSelector(selector.Get("matchLabels").StringMap(), expressions, selector is YamlMappingNode, at.Span(file));
    }

    /// <summary>v1: `backend.service.{name, port.{number|name}}`; v1beta1: `backend.{serviceName, servicePort}`;
    /// in `rules[].http.paths[]` and `defaultBackend` (v1) / `backend` (v1beta1).</summary>
    private IEnumerable<IngressBackend> ReadIngressBackends(YamlNode? spec)
    {
        var backends = new List<YamlNode?> { spec.Get("defaultBackend"), spec.Get("backend") };
        foreach (var rule in spec.Items("rules"))
        {
            backends.AddRange(rule.Get("http").Items("paths").Select(p => p.Get("backend")));
        }
        foreach (var backend in backends.OfType<YamlNode>())
        {
            if (backend.Get("service") is { } service && service.Get("name") is { } v1Name && v1Name.Str() is { } name)
            {
                var port = service.Get("port");
                var portNode = port.Get("number") ?? port.Get("name");
                yield return new IngressBackend(name, v1Name.Span(file), ParseInt(port.Str("number")), port.Str("name"), portNode?.Span(file));
            }
            else if (backend.Get("serviceName") is { } betaName && betaName.Str() is { } legacy)
            {
                var portNode = backend.Get("servicePort");
                var portText = portNode.Str();
                var number = ParseInt(portText);
                yield return new IngressBackend(legacy, betaName.Span(file), number, number is null ? portText : null, portNode?.Span(file));
            }
        }
    }

    private static string? DecodeBase64(string? text)
    {
        if (text is null) return null;
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var n) ? System.Text.Encoding.UTF8.GetString(buffer, 0, n) : null;
    }

    private static int? ParseInt(string? text) => int.TryParse(text, out var n) ? n : null;
}
