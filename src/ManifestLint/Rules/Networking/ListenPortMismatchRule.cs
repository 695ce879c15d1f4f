using ManifestLint.Model;

namespace ManifestLint.Rules.Networking;

/// <summary>ML205: a Service sends traffic to a container port, and the Node app in that container
/// listens (statically known) on a different one.</summary>
public sealed class ListenPortMismatchRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML205", "listen-port-mismatch", "services-networking", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var reported = new HashSet<SourceSpan>();
        var links = model.Links.ToLookup(l => (l.Workload, l.Container));
        foreach (var target in ServiceTargets.All(model))
        {
            var resolved = target.Resolve();
            var number = 0;
            if (resolved is null && (target.IsNamed || !int.TryParse(target.Port.Target, out number))) continue;
            // A number no container declares goes to the pod's only linked app, if there is exactly one.
            var container = resolved?.Container ?? SoleLinkedContainer(target, links);
            if (container is null) continue;
            var port = resolved?.Number ?? number;
            foreach (var link in links[(target.Workload, container)])
            {
                if (ListenPorts.Of(model, link) is not var (ports, call) || ports.Contains(port) || !reported.Add(target.Port.TargetSpan)) continue;
                var listens = string.Join(", ", ports.Order());
                context.Report(target.Port.TargetSpan,
                    $"{target.Service.Ref} sends port {target.Port.Port} to container port {port} of `{container.Name}` in {target.Workload.Ref}, but the app there listens on {listens} " +
                    $"({call.Span.File}:{call.Span.StartLine}; app {link.Package.File}, linked because {link.Evidence}), so connections are refused and the Service never works. " +
                    $"Make `targetPort`, the `containerPort` and the app's listen port the same number (often by setting `PORT` in the container's env).",
                    $"{port}", target.Service.Ref);
            }
        }
    }

    private static Container? SoleLinkedContainer(ServiceTarget target, ILookup<(KubeObject, Container), AppLink> links)
    {
        var linked = target.Containers.Where(c => links[(target.Workload, c)].Any()).ToList();
        return linked.Count == 1 ? linked[0] : null;
    }
}
