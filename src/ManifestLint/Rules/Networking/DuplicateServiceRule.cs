using ManifestLint.Model;

namespace ManifestLint.Rules.Networking;

/// <summary>ML209: two Services with one name in one namespace: whichever is applied last replaces the other.
/// Kustomize trees are compared only with themselves: overlays legitimately redefine a base's objects.</summary>
public sealed class DuplicateServiceRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML209", "duplicate-service", "services-networking", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var first = new Dictionary<(string Ns, string Name, string? Tree), KubeObject>();
        foreach (var service in model.Objects.Where(o => o.Kind == "Service" && o.Service is not null && o.Name.Length > 0))
        {
            var key = (service.Namespace, service.Name, model.KustomizationDirOf(service.Span.File));
            if (first.TryAdd(key, service)) continue;
            var original = first[key];
            context.Report(service.NameSpan,
                $"Service `{service.Name}` is defined again in namespace `{service.Namespace}` (first at {original.NameSpan.File}:{original.NameSpan.StartLine}); `kubectl apply` keeps whichever " +
                "is applied last, so one definition silently replaces the other (selector, ports and type included). Remove one, or rename it.",
                service.Name, service.Ref);
        }
    }
}
