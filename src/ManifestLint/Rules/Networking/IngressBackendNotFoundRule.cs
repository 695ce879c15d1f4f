using System.Globalization;
using ManifestLint.Model;

namespace ManifestLint.Rules.Networking;

/// <summary>ML206: an Ingress sends traffic to a Service missing from its namespace, or to a port that
/// Service does not expose; the controller answers 503 (or 404 for the default backend).</summary>
public sealed class IngressBackendNotFoundRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML206", "ingress-backend-not-found", "services-networking", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var ingress in model.Objects.Where(o => o.IngressBackends.Count > 0))
        {
            foreach (var backend in ingress.IngressBackends)
            {
                var service = model.FindForBuild("Service", ingress.Namespace, backend.Service, ingress.Span.File);
                if (service is null && model.Find("Service", ingress.Namespace, backend.Service) is not null) continue; // only in another build
                if (service is null)
                {
                    if (ServiceLookup.ProvidedElsewhere(model, backend.Service, ingress.Namespace)) continue;
                    context.Report(backend.ServiceSpan,
                        $"Ingress {ingress.Ref} routes to Service `{backend.Service}`, which does not exist in namespace `{ingress.Namespace}`; the controller answers `503 Service Temporarily Unavailable`. " +
                        $"Point the backend at an existing Service (an Ingress only reaches Services in its own namespace), or add one.{ServiceLookup.NearestServices(model, backend.Service, ingress.Namespace)}",
                        backend.Service, ingress.Ref);
                    continue;
                }
                if (service.Service is not { Ports.Count: > 0, Type: not "ExternalName" } spec || backend.PortSpan is not { } portSpan) continue;
                var exposed = backend.PortNumber is { } number ? spec.Ports.Any(p => p.Port == number) : spec.Ports.Any(p => p.Name == backend.PortName);
                if (exposed) continue;
                var wanted = backend.PortNumber?.ToString(CultureInfo.InvariantCulture) ?? $"`{backend.PortName}`";
                var ports = string.Join(", ", spec.Ports.Select(p => p.Name is null ? $"{p.Port}" : $"{p.Port} ({p.Name})"));
                context.Report(portSpan,
                    $"Ingress {ingress.Ref} routes to port {wanted} of Service `{backend.Service}`, which exposes no such port (ports: {ports}); the controller has no endpoints for it and answers `503`. " +
                    "Use the Service's `port` number or port `name` (not the container's `targetPort`).",
                    $"{backend.Service}:{backend.PortNumber?.ToString(CultureInfo.InvariantCulture) ?? backend.PortName}", ingress.Ref);
            }
        }
    }
}
