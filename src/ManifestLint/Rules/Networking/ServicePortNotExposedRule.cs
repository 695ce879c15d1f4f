using System.Globalization;
using ManifestLint.Model;

namespace ManifestLint.Rules.Networking;

/// <summary>ML202: a host with an explicit port resolves to a Service that has no such `port`. Clients talk to
/// the Service port; the classic slip is using the container's port (the Service's `targetPort`).</summary>
public sealed class ServicePortNotExposedRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML202", "service-port-not-exposed", "services-networking", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var reported = new HashSet<(SourceSpan, string, int)>();
        foreach (var use in EndpointSources.All(model))
        {
            if (use.Endpoint is not { PortExplicit: true, Port: { } port } endpoint) continue;
            if (ServiceLookup.Target(model, endpoint, use.Workload.Namespace) is not { PodDns: false } target) continue;
            var service = model.FindForBuild("Service", target.Namespace, target.Name, use.Workload.Span.File);
            // Headless: clients reach pod IPs on the pods' own ports. ExternalName: a CNAME, no ports.
            if (service?.Service is not { IsHeadless: false, Type: not "ExternalName", Ports.Count: > 0 } spec) continue;
            if (spec.Ports.Any(p => p.Port == port)) continue;
            if (!reported.Add((use.Span, endpoint.Host, port))) continue;
            var ports = string.Join(", ", spec.Ports.Select(Describe));
            var targeted = spec.Ports.FirstOrDefault(p => p.Target == port.ToString(CultureInfo.InvariantCulture));
            var hint = targeted is { Port: { } servicePort }
                ? $" {port} is the `targetPort` of Service port {servicePort}: clients must use `{endpoint.Host}:{servicePort}`; kube-proxy forwards it to {port}."
                : "";
            context.Report(use.Span,
                $"`{endpoint.Host}:{port}` ({use.Origin} of container `{use.Container.Name}` in {use.Workload.Ref}) connects to Service `{target.Name}` in `{target.Namespace}`, " +
                $"which exposes no port {port} (ports: {ports}), so the connection is refused or times out.{hint} Use a port the Service exposes, or add port {port} to Service `{target.Name}` ({service.NameSpan}).",
                $"{endpoint.Host}:{port}", use.Workload.Ref);
        }
    }

    private static string Describe(ServicePort p) =>
        $"{p.Port?.ToString(CultureInfo.InvariantCulture) ?? "?"}{(p.Name is null ? "" : $" ({p.Name})")} -> {p.Target ?? "?"}";
}
