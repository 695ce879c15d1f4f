using ManifestLint.Model;

namespace ManifestLint.Rules.Networking;

/// <summary>ML204: a Service `targetPort` names no port of the pods it selects. A named port that no container
/// declares cannot be resolved at all; a number no container declares is reported only when the pod declares
/// ports (so undeclared serving is not guessed at) and no linked app's listen port decides it (ML205 does).</summary>
public sealed class TargetPortNotFoundRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML204", "target-port-not-found", "services-networking", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var reported = new HashSet<SourceSpan>();
        var links = model.Links.ToLookup(l => l.Workload);
        foreach (var target in ServiceTargets.All(model))
        {
            if (target.Resolve() is not null || reported.Contains(target.Port.TargetSpan)) continue;
            var declared = target.Containers.SelectMany(c => c.Ports).ToList();
            if (!target.IsNamed && (declared.Count == 0 || links[target.Workload].Any(l => ListenPorts.Of(model, l) is not null))) continue;
            reported.Add(target.Port.TargetSpan);
            var ports = declared.Count == 0 ? "none"
                : string.Join(", ", declared.Select(p => p.Name is null ? $"{p.Number}" : $"{p.Number} ({p.Name})"));
            var consequence = target.IsNamed
                ? "Kubernetes cannot resolve a port name no container declares, so the Service has no usable endpoints and connections are refused"
                : "traffic is sent to a port nothing declares, and is refused unless the app happens to listen there";
            context.Report(target.Port.TargetSpan,
                $"{target.Service.Ref} sends port {target.Port.Port} to `targetPort: {target.Port.Target}`, but the pods of {target.Workload.Ref} declare no such container port " +
                $"(declared: {ports}); {consequence}. Set `targetPort` to the container port the app listens on, or name that `containerPort` `{target.Port.Target}`.",
                target.Port.Target ?? "", target.Service.Ref);
        }
    }
}
