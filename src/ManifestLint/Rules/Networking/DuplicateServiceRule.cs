using ManifestLint.Model;

namespace ManifestLint.Rules.Networking;

/// <summary>ML209: two Services with one name in one namespace: whichever is applied last replaces the other.
/// Only definitions deployed together are compared: kustomize overlays and per-environment folders legitimately
/// redefine a Service (see <see cref="ProjectModel.SameBuild"/>).</summary>
public sealed class DuplicateServiceRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML209", "duplicate-service", "services-networking", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var seen = new Dictionary<(string Ns, string Name), List<KubeObject>>();
        foreach (var service in model.Objects.Where(o => o.Kind == "Service" && o.Service is not null && o.Name.Length > 0))
        {
            if (!seen.TryGetValue((service.Namespace, service.Name), out var earlier)) seen[(service.Namespace, service.Name)] = earlier = [];
            var original = earlier.FirstOrDefault(e => model.SameBuild(e.Span.File, service.Span.File));
            earlier.Add(service);
            if (original is null) continue;
            context.Report(service.NameSpan,
                $"Service `{service.Name}` is defined again in namespace `{service.Namespace}` (first at {original.NameSpan.File}:{original.NameSpan.StartLine}); `kubectl apply` keeps whichever " +
                "is applied last, so one definition silently replaces the other (selector, ports and type included). Remove one, or rename it.",
                service.Name, service.Ref);
        }
    }
}
