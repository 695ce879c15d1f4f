using ManifestLint.Model;
using ManifestLint.Rules.Networking;

namespace ManifestLint.Rules.Probes;

/// <summary>ML404: a probe targets a port the linked Node app does not listen on (its listen ports are
/// known statically): the probe can never pass.</summary>
public sealed class ProbePortNotListeningRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML404", "probe-port-not-listening", "probes-health", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var site in ProbeSites.All(model))
        {
            if (site is not { Link: { } link, Probe: { PortSpan: { } at, Handler: not ("exec" or null) } }) continue;
            if (ProbeSites.PortNumber(site.Probe, site.Container) is not { } port) continue;
            if (ListenPorts.Of(model, link) is not var (ports, call) || ports.Contains(port)) continue;
            // The pod declares this port, and also the app's own port: something we cannot see (a health library's
            // server, a sidecar, a gRPC server) serves it. Only judge when the declarations miss the app's port.
            var declared = site.Workload.PodTemplate!.Containers.Concat(site.Workload.PodTemplate.InitContainers).SelectMany(c => c.Ports).Select(p => p.Number).ToList();
            if (declared.Contains(port) && declared.Any(d => d is { } n && ports.Contains(n))) continue;
            var consequence = site.Field == "readinessProbe"
                ? "the pod never becomes ready and never receives Service traffic"
                : "the kubelet restarts the container again and again (CrashLoopBackOff)";
            context.Report(at,
                $"The `{site.Field}` of container `{site.Container.Name}` in {site.Workload.Ref} connects to port {port}, but the app listens on {string.Join(", ", ports.Order())} " +
                $"({call.Span.File}:{call.Span.StartLine}; app {link.Package.File}, linked because {link.Evidence}), so {consequence}. Probe the port the app listens on.",
                $"{site.Field}:{port}", site.Workload.Ref);
        }
    }
}
