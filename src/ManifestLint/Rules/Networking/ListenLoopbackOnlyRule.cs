using ManifestLint.Model;

namespace ManifestLint.Rules.Networking;

/// <summary>ML208: the app in a container listens on loopback only (`listen(port, '127.0.0.1')`, or Fastify's
/// default host), so neither a Service nor the kubelet's probes can reach it.</summary>
public sealed class ListenLoopbackOnlyRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML208", "listen-loopback-only", "services-networking", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var reported = new HashSet<SourceSpan>();
        foreach (var link in model.Links)
        {
            foreach (var file in link.ReachableFiles.Order(StringComparer.Ordinal))
            {
                if (!model.Modules.TryGetValue(file, out var module)) continue;
                foreach (var call in module.ListenCalls)
                {
                    var loopback = call.Host is "127.0.0.1" or "localhost" or "::1" || call.Fastify && !call.HostGiven;
                    if (!loopback || !reported.Add(call.Span)) continue;
                    var why = call.HostGiven ? $"binds to `{call.Host}`" : "is a Fastify server without `host`, and Fastify listens on `localhost` by default";
                    var fix = call.Fastify ? "`listen({ port, host: '0.0.0.0' })`" : "the host argument removed (Node then listens on all interfaces) or `'0.0.0.0'`";
                    context.Report(call.Span,
                        $"This listen call {why}, so only the pod itself can connect: the Service and the kubelet's probes get `connection refused` " +
                        $"(container `{link.Container.Name}` in {link.Workload.Ref}, app {link.Package.File}, linked because {link.Evidence}). Listen on all interfaces: {fix}.",
                        call.Host ?? "fastify-default", link.Workload.Ref);
                }
            }
        }
    }
}
