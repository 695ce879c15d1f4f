using ManifestLint.Model;

namespace ManifestLint.Rules.Networking;

/// <summary>ML201: a container's configuration, or its app's code, names a cluster host that no Service provides.</summary>
public sealed class HostWithoutServiceRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML201", "host-without-service", "services-networking", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var reported = new HashSet<(SourceSpan, string)>();
        foreach (var use in EndpointSources.All(model))
        {
            var host = use.Endpoint.Host;
            if (ServiceLookup.Target(model, use.Endpoint, use.Workload.Namespace) is not { } target) continue;
            var (name, ns) = (target.Name, target.Namespace);
            var service = model.Find("Service", ns, name);
            if (service is not null && !(target.PodDns && service.Service?.IsHeadless == false)) continue;
            if (service is null && ServiceLookup.ProvidedElsewhere(model, name, ns)) continue;
            if (use.Endpoint.Weak && !LooksInCluster(model, name, ns, use.Workload)) continue;
            if (!reported.Add((use.Span, host))) continue;
            var where = $"{use.Origin} of container `{use.Container.Name}` in {use.Workload.Ref}";
            context.Report(use.Span, service is null
                ? $"Host `{host}` ({where}) matches no Service `{name}` in namespace `{ns}`; the connection fails with `getaddrinfo ENOTFOUND {host}`. " +
                  $"Add a Service named `{name}` in `{ns}` that selects the target pods, or point the value at an existing Service.{ServiceLookup.NearestServices(model, name, ns)}"
                : $"Host `{host}` ({where}) is a StatefulSet pod name under Service `{name}` in `{ns}`, but that Service is not headless, so cluster DNS has no pod records " +
                  $"and the lookup fails with `getaddrinfo ENOTFOUND {host}`. Set `clusterIP: None` on Service `{name}` ({service.NameSpan}) and make it the StatefulSet's `serviceName`.",
                host, use.Workload.Ref);
        }
    }

    /// <summary>Weak host evidence counts only when the name points into the cluster: another workload of
    /// that name exists, or it is spelled like a Service (`*-service`, `*-svc`). A workload naming itself
    /// (`DD_SERVICE=checkout` in checkout) is telemetry, not a connection.</summary>
    private static bool LooksInCluster(ProjectModel model, string name, string ns, KubeObject referrer) =>
        name.EndsWith("-service", StringComparison.Ordinal) || name.EndsWith("-svc", StringComparison.Ordinal)
        || model.HasWorkload(ns, name) && !(referrer.Namespace == ns && referrer.Name == name);
}
