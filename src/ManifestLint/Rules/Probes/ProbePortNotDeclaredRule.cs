using ManifestLint.Model;
using ManifestLint.Rules.Networking;

namespace ManifestLint.Rules.Probes;

/// <summary>ML403: a probe port the container does not declare. A name no port has cannot be resolved by the
/// kubelet (error); a number no port has is a warning, and only when the container declares ports and the
/// linked app's listen port does not settle it (ML404 does when it is known).</summary>
public sealed class ProbePortNotDeclaredRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML403", "probe-port-not-declared", "probes-health", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var site in ProbeSites.All(model))
        {
            if (site.Probe is not { Port: { } port, PortSpan: { } at } || site.Probe.Handler is "exec" or null) continue;
            var ports = site.Container.Ports;
            var declared = ports.Count == 0 ? "none" : string.Join(", ", ports.Select(p => p.Name is null ? $"{p.Number}" : $"{p.Number} ({p.Name})"));
            if (!int.TryParse(port, out var number))
            {
                if (ports.Any(p => p.Name == port)) continue;
                context.Report(at,
                    $"The `{site.Field}` of container `{site.Container.Name}` in {site.Workload.Ref} uses port name `{port}`, which the container does not declare (ports: {declared}); " +
                    $"the kubelet cannot resolve it, so {(site.Field == "livenessProbe" ? "the liveness probe is silently skipped and a hung process is never restarted" : "the probe never passes")}. " +
                    $"Name the serving `containerPort` `{port}`, or use its number.",
                    port, site.Workload.Ref);
                continue;
            }
            if (ports.Count == 0 || ports.Any(p => p.Number == number)) continue;
            if (site.Link is { } link && ListenPorts.Of(model, link) is not null) continue; // known listen ports: ML404's call
            context.Report(at,
                $"The `{site.Field}` of container `{site.Container.Name}` in {site.Workload.Ref} probes port {number}, which the container does not declare (ports: {declared}); " +
                $"unless the app also listens there, the probe hits a closed port. Probe the serving port, or declare {number} if the app serves it.",
                port, site.Workload.Ref, Level.Warning);
        }
    }
}
