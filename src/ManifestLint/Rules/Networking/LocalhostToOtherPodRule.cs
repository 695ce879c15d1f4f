using System.Globalization;
using ManifestLint.Model;

namespace ManifestLint.Rules.Networking;

/// <summary>ML207: `localhost` (or 127.0.0.1) pointed at a port that another workload serves. In Kubernetes,
/// localhost is the pod itself; the usual cause is an address copied from docker-compose or a laptop.
/// Reported only when nothing in the pod serves that port and another workload or Service does.</summary>
public sealed class LocalhostToOtherPodRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML207", "localhost-to-other-pod", "services-networking", Level.Error);

    /// <summary>Settings a browser uses (allowed origins, redirect targets, public URLs): localhost there is
    /// the user's machine in development, not a connection the pod makes.</summary>
    private static readonly string[] BrowserFacingWords = ["ORIGIN", "CORS", "REDIRECT", "CALLBACK", "PUBLIC", "FRONTEND", "CLIENT", "BROWSER", "ALLOWED", "WHITELIST", "ALLOWLIST", "CSP"];

    /// <summary>Build-time variables of front-end toolchains: baked into code that runs in the browser.</summary>
    private static readonly string[] BrowserBuildPrefixes = ["REACT_APP_", "VITE_", "NEXT_PUBLIC_", "NUXT_PUBLIC_", "GATSBY_", "EXPO_PUBLIC_", "VUE_APP_", "PUBLIC_"];

    /// <summary>Where the process listens or binds, not where it connects.</summary>
    private static readonly string[] ListenWords = ["LISTEN", "BIND"];

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var servedBy = PortServers(model);
        var linksByWorkload = model.Links.ToLookup(l => l.Workload);
        var reported = new HashSet<(SourceSpan, int)>();
        foreach (var use in EndpointSources.All(model))
        {
            if (use.Endpoint is not { IsLoopback: true, Port: { } port } || use.Endpoint.Host is "0.0.0.0" or "::") continue;
            var name = use.Name.ToUpperInvariant();
            if (BrowserFacingWords.Any(name.Contains) || ListenWords.Any(name.Contains) || BrowserBuildPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))) continue;
            var pod = use.Workload.PodTemplate!;
            if (pod.Containers.Concat(pod.InitContainers).Any(c => c.Ports.Any(p => p.Number == port))) continue;
            if (linksByWorkload[use.Workload].Any(l => ListenPorts.Of(model, l) is not var (ports, _) || ports.Contains(port))) continue;
            // The first server is the one named; looking further would scan every workload on a common port.
            var server = servedBy[(use.Workload.Namespace, port)].FirstOrDefault(s => s.Workload != use.Workload && model.SameBuild(s.Workload.Span.File, use.Workload.Span.File));
            if (server is null || !reported.Add((use.Span, port))) continue;
            var address = server.Service is { } svc ? $"`{svc.Name}:{server.ServicePort}`" : $"a Service in front of {server.Workload.Ref}";
            context.Report(use.Span,
                $"`{use.Endpoint.Host}:{port}` ({use.Origin} of container `{use.Container.Name}` in {use.Workload.Ref}) points at the pod itself, where nothing serves port {port}; " +
                $"port {port} is served by {server.Workload.Ref}{(server.Service is { } s2 ? $" behind Service `{s2.Name}`" : "")}. The connection fails with `connect ECONNREFUSED {use.Endpoint.Host}:{port}`. " +
                $"Use {address} instead: in Kubernetes, localhost is the pod, not the node or another workload.",
                $"{use.Endpoint.Host}:{port}", use.Workload.Ref);
        }
    }

    private sealed record PortServer(KubeObject Workload, KubeObject? Service, int? ServicePort);

    /// <summary>(namespace, port) → workloads that declare that container port, or that a Service sends that port (or targetPort) to.</summary>
    private static ILookup<(string, int), PortServer> PortServers(ProjectModel model)
    {
        var servers = new List<((string, int) Key, PortServer Server)>();
        foreach (var target in ServiceTargets.All(model))
        {
            var server = new PortServer(target.Workload, target.Service, target.Port.Port);
            if (target.Port.Port is { } p) servers.Add(((target.Workload.Namespace, p), server));
            if (target.Resolve() is { } resolved) servers.Add(((target.Workload.Namespace, resolved.Number), server));
            else if (int.TryParse(target.Port.Target, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) servers.Add(((target.Workload.Namespace, n), server));
        }
        foreach (var workload in model.Workloads)
        {
            foreach (var port in workload.PodTemplate!.Containers.SelectMany(c => c.Ports))
            {
                if (port.Number is { } n) servers.Add(((workload.Namespace, n), new PortServer(workload, null, null)));
            }
        }
        return servers.ToLookup(s => s.Key, s => s.Server);
    }
}
