namespace ManifestLint.Model;

/// <summary>One Kubernetes object from a YAML document (or an item of a `kind: List`).</summary>
public sealed class KubeObject
{
    public required string Kind { get; init; }
    public required string ApiVersion { get; init; }
    public required string Name { get; init; }
    /// <summary>Effective namespace: metadata.namespace, else the configured default.</summary>
    public required string Namespace { get; init; }
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
    public required IReadOnlyDictionary<string, string> Annotations { get; init; }
    /// <summary>Span of the object's document (or List item) start.</summary>
    public required SourceSpan Span { get; init; }
    /// <summary>Span of metadata.name's value, or of the object when absent.</summary>
    public required SourceSpan NameSpan { get; init; }

    /// <summary>Pod template of a workload (or the Pod's own spec); null for other kinds.</summary>
    public PodTemplate? PodTemplate { get; init; }
    public ConfigData? ConfigData { get; init; }
    public ServiceSpec? Service { get; init; }
    /// <summary>`spec.selector` of an apps/v1 controller (Deployment, StatefulSet, DaemonSet, ReplicaSet).</summary>
    public WorkloadSelector? Selector { get; init; }
    /// <summary>`manifestlint.io/ignore` annotations (object metadata, then pod template): value and where it is written.</summary>
    public IReadOnlyList<(string Value, SourceSpan Span)> IgnoreAnnotations { get; init; } = [];
    /// <summary>Service backends of an Ingress (v1 and v1beta1 shapes).</summary>
    public IReadOnlyList<IngressBackend> IngressBackends { get; init; } = [];

    /// <summary>An object of an API group Kubernetes does not define itself (group contains a dot
    /// outside *.k8s.io), e.g. postgresql.cnpg.io/v1 Cluster.</summary>
    public bool IsCustomResource
    {
        get
        {
            var slash = ApiVersion.IndexOf('/');
            if (slash < 0) return false;
            var group = ApiVersion[..slash];
            return group.Contains('.') && !group.EndsWith(".k8s.io", StringComparison.Ordinal) && !IsGeneratedSecret;
        }
    }

    private bool IsGeneratedSecret => Kind == "Secret" && ApiVersion == "v1";

    /// <summary>`Deployment/ns/name`, used in reports.</summary>
    public string Ref => $"{Kind}/{Namespace}/{Name}";

    /// <summary>Runs until stopped: a long-running kind whose pods restart always, and not a Helm hook
    /// (hooks such as `helm test` pods run to completion).</summary>
    public bool IsLongRunningWorkload => Kind is "Deployment" or "StatefulSet" or "DaemonSet"
        or "ReplicaSet" or "ReplicationController" or "Pod" or "Rollout"
        && PodTemplate?.RestartPolicy is null or "Always"
        && !Annotations.ContainsKey("helm.sh/hook");
}

public sealed class PodTemplate
{
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
    public required IReadOnlyDictionary<string, string> Annotations { get; init; }
    public required IReadOnlyList<Container> Containers { get; init; }
    public required IReadOnlyList<Container> InitContainers { get; init; }
    public string? RestartPolicy { get; init; }
    /// <summary>`enableServiceLinks` (Kubernetes' default is true).</summary>
    public bool EnableServiceLinks { get; init; } = true;
    /// <summary>ConfigMap and Secret volumes (also inside `projected` volumes).</summary>
    public IReadOnlyList<VolumeSource> Volumes { get; init; } = [];
}

/// <summary>A volume that mounts a ConfigMap or Secret, with the keys it selects (`items`).</summary>
public sealed record VolumeSource(string Volume, ConfigSourceKind Kind, string Name, SourceSpan NameSpan, bool Optional, IReadOnlyList<(string Key, SourceSpan Span)> Items);

public sealed class Container
{
    public required string Name { get; init; }
    public string? Image { get; init; }
    /// <summary>Start of the container's mapping (the first key of its list item).</summary>
    public required SourceSpan Span { get; init; }
    /// <summary>The `env` key, when present.</summary>
    public SourceSpan? EnvKeySpan { get; init; }
    public required IReadOnlyList<ContainerPort> Ports { get; init; }
    public required IReadOnlyList<EnvVar> Env { get; init; }
    public required IReadOnlyList<EnvFromSource> EnvFrom { get; init; }
    public Probe? LivenessProbe { get; init; }
    public Probe? ReadinessProbe { get; init; }
    public Probe? StartupProbe { get; init; }
    public required IReadOnlyList<string> Command { get; init; }
    public required IReadOnlyList<string> Args { get; init; }
    /// <summary>`restartPolicy` of an init container: `Always` makes it a sidecar that runs for the pod's life.</summary>
    public string? RestartPolicy { get; init; }
}

public sealed record ContainerPort(string? Name, int? Number, SourceSpan Span);

/// <summary>A probe: its handler (`httpGet`, `tcpSocket`, `grpc`, `exec`, or null when none is set), the
/// port as written (number or name), the HTTP path, the exec command, and the timings with Kubernetes'
/// defaults applied. `Span` is the probe's mapping; the other spans point at their values.</summary>
public sealed record Probe(string? HttpPath, string? Port, SourceSpan Span)
{
    public string? Handler { get; init; }
    public SourceSpan? PathSpan { get; init; }
    public SourceSpan? PortSpan { get; init; }
    public IReadOnlyList<string> Command { get; init; } = [];
    public SourceSpan? CommandSpan { get; init; }
    public int InitialDelaySeconds { get; init; }
    public int PeriodSeconds { get; init; } = 10;
    public int TimeoutSeconds { get; init; } = 1;
    public int FailureThreshold { get; init; } = 3;
    public SourceSpan? TimeoutSpan { get; init; }

    /// <summary>Seconds from container start until this probe has failed enough times to act, when the app never answers.</summary>
    public int GiveUpAfterSeconds => InitialDelaySeconds + FailureThreshold * PeriodSeconds;

    /// <summary>Same handler and target (timings aside).</summary>
    public bool SameCheckAs(Probe other) =>
        Handler == other.Handler && HttpPath == other.HttpPath && Port == other.Port && Command.SequenceEqual(other.Command);
}

/// <summary>A container `env` entry (a value type: eight per container on a large monorepo, kept in arrays).</summary>
public readonly record struct EnvVar
{
    public required string Name { get; init; }
    public required SourceSpan NameSpan { get; init; }
    public string? Value { get; init; }
    public SourceSpan? ValueSpan { get; init; }
    public KeyRef? ConfigMapKeyRef { get; init; }
    public KeyRef? SecretKeyRef { get; init; }
}

/// <summary>A `configMapKeyRef` / `secretKeyRef`.</summary>
public sealed record KeyRef(string Name, SourceSpan NameSpan, string Key, SourceSpan KeySpan, bool Optional);

public enum ConfigSourceKind
{
    ConfigMap,
    Secret,
}

/// <summary>An `envFrom` entry.</summary>
public sealed record EnvFromSource(ConfigSourceKind Kind, string Name, SourceSpan NameSpan, string Prefix, bool Optional);

/// <summary>ConfigMap (`data` + `binaryData`) or Secret (`data` + `stringData`) keys.</summary>
public sealed class ConfigData
{
    public required ConfigSourceKind Kind { get; init; }
    public required IReadOnlyDictionary<string, ConfigValue> Entries { get; init; }
    /// <summary>ConfigMap `binaryData` keys: mountable as files, never env variables.</summary>
    public IReadOnlySet<string> BinaryKeys { get; init; } = NoBinaryKeys;

    /// <summary>One shared empty set (a ConfigMap or Secret each on a large monorepo).</summary>
    internal static readonly IReadOnlySet<string> NoBinaryKeys = System.Collections.Frozen.FrozenSet<string>.Empty;

    /// <summary>Keys come from somewhere we do not read (an external store, an env file): any key may exist.</summary>
    public bool KeysUnknown { get; init; }

    public bool HasKey(string key) => KeysUnknown || Entries.ContainsKey(key);
}

public readonly record struct ConfigValue(string Key, string? Value, SourceSpan ValueSpan);

public sealed class ServiceSpec
{
    public required IReadOnlyDictionary<string, string> Selector { get; init; }
    /// <summary>The `selector` key, when present.</summary>
    public SourceSpan? SelectorSpan { get; init; }
    public string? Type { get; init; }
    public string? ExternalName { get; init; }
    public string? ClusterIP { get; init; }
    public required IReadOnlyList<ServicePort> Ports { get; init; }

    /// <summary>`clusterIP: None`: DNS answers with pod IPs; clients reach pods on their own ports.</summary>
    public bool IsHeadless => ClusterIP == "None";
}

/// <summary>A Service port. `TargetPort` is null when omitted (it then equals `Port`); the spans point at
/// the `targetPort` value, else the `port` value, else the entry.</summary>
public sealed record ServicePort(string? Name, int? Port, string? TargetPort, SourceSpan Span)
{
    public SourceSpan TargetSpan { get; init; } = Span;

    /// <summary>The effective target: the written targetPort, else the port number.</summary>
    public string? Target => TargetPort ?? Port?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A controller's `spec.selector`; `Span` is the `selector` key (or `spec` when absent).</summary>
public sealed record WorkloadSelector(
    IReadOnlyDictionary<string, string> MatchLabels,
    IReadOnlyList<LabelRequirement> MatchExpressions,
    bool Present,
    SourceSpan Span);

/// <summary>One `matchExpressions` entry.</summary>
public sealed record LabelRequirement(string Key, string Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels) => Operator switch
    {
        "In" => labels.TryGetValue(Key, out var v) && Values.Contains(v),
        "NotIn" => !labels.TryGetValue(Key, out var n) || !Values.Contains(n),
        "Exists" => labels.ContainsKey(Key),
        "DoesNotExist" => !labels.ContainsKey(Key),
        _ => true, // unknown operators are the API server's to reject
    };
}

/// <summary>An Ingress backend: Service name and port (number or name), with the spans of both.</summary>
public sealed record IngressBackend(string Service, SourceSpan ServiceSpan, int? PortNumber, string? PortName, SourceSpan? PortSpan);
