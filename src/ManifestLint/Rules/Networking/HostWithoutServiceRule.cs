using ManifestLint.Model;

namespace ManifestLint.Rules.Networking;

/// <summary>ML201: a container's configuration names a cluster host that no Service provides.</summary>
public sealed class HostWithoutServiceRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML201", "host-without-service", "services-networking", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var reported = new HashSet<(SourceSpan, string)>();
        foreach (var workload in model.Workloads)
        {
            foreach (var container in workload.PodTemplate!.Containers.Concat(workload.PodTemplate.InitContainers))
            {
                foreach (var (variable, value, span, origin) in Values(model, workload, container))
                {
                    foreach (var (host, weak) in HostReference.FindWithEvidence(variable, value))
                    {
                        if (ServiceDns.Resolve(host, workload.Namespace, model.KnownNamespaces) is not var (name, ns)) continue;
                        if (model.Find("Service", ns, name) is not null || CreatedByOperator(model, name, ns)) continue;
                        if (Config.ExternalObjects.Names(model.Config.External.Services, ns, name)) continue;
                        if (weak && !LooksInCluster(model, name, ns, workload)) continue;
                        if (!reported.Add((span, host))) continue;
                        context.Report(span, Message(model, host, name, ns, origin, container, workload), host, workload.Ref);
                    }
                }
            }
        }
    }

    /// <summary>Operators and charts create Services named after their custom resource
    /// (CloudNativePG `pg-rw`, Strimzi `events-kafka-bootstrap`): a host with such a prefix is not ours to judge.</summary>
    private static bool CreatedByOperator(ProjectModel model, string name, string ns) =>
        model.CustomResourcesIn(ns).Any(cr => name == cr.Name || name.StartsWith(cr.Name + "-", StringComparison.Ordinal));

    /// <summary>Weak host evidence counts only when the name points into the cluster: another workload of
    /// that name exists, or it is spelled like a Service (`*-service`, `*-svc`). A workload naming itself
    /// (`DD_SERVICE=checkout` in checkout) is telemetry, not a connection.</summary>
    private static bool LooksInCluster(ProjectModel model, string name, string ns, KubeObject referrer) =>
        name.EndsWith("-service", StringComparison.Ordinal) || name.EndsWith("-svc", StringComparison.Ordinal)
        || model.HasWorkload(ns, name) && !(referrer.Namespace == ns && referrer.Name == name);

    /// <summary>Literal env values, and ConfigMap/Secret values that reach the container.</summary>
    private static IEnumerable<(string Variable, string Value, SourceSpan Span, string Origin)> Values(ProjectModel model, KubeObject workload, Container container)
    {
        foreach (var env in container.Env)
        {
            if (env.Value is not null && env.ValueSpan is { } span) yield return (env.Name, env.Value, span, $"env `{env.Name}`");
            foreach (var (kind, r) in new[] { ("ConfigMap", env.ConfigMapKeyRef), ("Secret", env.SecretKeyRef) })
            {
                if (r is not null && model.Find(kind, workload.Namespace, r.Name)?.ConfigData?.Entries.GetValueOrDefault(r.Key) is { Value: { } v } entry)
                {
                    yield return (env.Name, v, entry.ValueSpan, $"{kind} `{r.Name}` key `{r.Key}` (env `{env.Name}`)");
                }
            }
        }
        foreach (var from in container.EnvFrom)
        {
            var kind = from.Kind == ConfigSourceKind.ConfigMap ? "ConfigMap" : "Secret";
            var data = model.Find(kind, workload.Namespace, from.Name)?.ConfigData;
            if (data is null) continue;
            foreach (var entry in data.Entries.Values)
            {
                if (entry.Value is not null) yield return (from.Prefix + entry.Key, entry.Value, entry.ValueSpan, $"{kind} `{from.Name}` key `{entry.Key}`");
            }
        }
    }

    private static string Message(ProjectModel model, string host, string name, string ns, string origin, Container container, KubeObject workload)
    {
        var existing = model.ServicesIn(ns).Select(s => s.Name).Distinct().OrderBy(n => EditDistance.Between(n, name)).ThenBy(n => n, StringComparer.Ordinal).Take(3).ToList();
        var hint = existing.Count > 0 ? $" Services in `{ns}`: {string.Join(", ", existing.Select(e => $"`{e}`"))}." : "";
        return $"Host `{host}` ({origin} of container `{container.Name}` in {workload.Ref}) matches no Service `{name}` in namespace `{ns}`; " +
            $"the connection fails with `getaddrinfo ENOTFOUND {host}`. Add a Service named `{name}` in `{ns}` that selects the target pods, or point the value at an existing Service.{hint}";
    }
}
