using ManifestLint.Model;

namespace ManifestLint.Rules.Networking;

/// <summary>ML203: a Service's selector matches no pod template in its namespace, so it has no endpoints and
/// every connection to it fails.</summary>
public sealed class ServiceSelectsNothingRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML203", "service-selects-nothing", "services-networking", Level.Error);

    private const int MaxCandidates = 500;

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var workloadsByNamespace = model.Workloads.ToLookup(w => w.Namespace, StringComparer.Ordinal);
        foreach (var service in model.Objects.Where(o => o.Service is { Selector.Count: > 0, Type: not "ExternalName" }))
        {
            var spec = service.Service!;
            if (model.SelectPods(service.Namespace, spec.Selector).Any(w => model.SameBuild(service.Span.File, w.Span.File)) || ManagedByOperator(model, service)) continue;
            var selector = string.Join(", ", spec.Selector.Select(kv => $"{kv.Key}: {kv.Value}"));
            // Bounded work per finding: a repository with thousands of broken Services must not go quadratic.
            var near = workloadsByNamespace[service.Namespace].Take(MaxCandidates)
                .Select(w => (Workload: w, Shared: spec.Selector.Count(kv => w.PodTemplate!.Labels.ContainsKey(kv.Key))))
                .Where(c => c.Shared > 0).OrderByDescending(c => c.Shared).ThenBy(c => c.Workload.Ref, StringComparer.Ordinal).Take(3)
                .Select(c => $"{c.Workload.Ref} has {{ {string.Join(", ", c.Workload.PodTemplate!.Labels.Select(kv => $"{kv.Key}: {kv.Value}"))} }}")
                .ToList();
            var elsewhere = model.KnownNamespaces.Where(ns => ns != service.Namespace).Order(StringComparer.Ordinal)
                .SelectMany(ns => model.SelectPods(ns, spec.Selector)).Select(w => w.Ref).Take(2).ToList();
            var hint = near.Count > 0 ? $" Closest pod templates: {string.Join("; ", near)}." : "";
            if (elsewhere.Count > 0) hint += $" Matching pods exist in another namespace ({string.Join(", ", elsewhere)}); a Service only selects pods in its own namespace `{service.Namespace}`.";
            context.Report(spec.SelectorSpan ?? service.NameSpan,
                $"{service.Ref} selects {{ {selector} }}, which matches no pod template in namespace `{service.Namespace}`, so it has no endpoints " +
                $"and connections to it fail (`connect ECONNREFUSED` or a timeout).{hint} Make the selector equal to the target pods' `template.metadata.labels`.",
                selector, service.Ref);
        }
    }

    /// <summary>Pods an operator creates for a custom resource: the selector names the resource
    /// (`cnpg.io/cluster: pg`), or uses a label domain of a custom resource's API group.</summary>
    private static bool ManagedByOperator(ProjectModel model, KubeObject service)
    {
        var resources = model.CustomResourcesIn(service.Namespace);
        return service.Service!.Selector.Any(kv =>
            resources.Any(cr => kv.Value == cr.Name || kv.Value.StartsWith(cr.Name + "-", StringComparison.Ordinal))
            || kv.Key.Contains('/') && model.CustomResourceGroups.Any(g => InDomain(g, kv.Key[..kv.Key.IndexOf('/')])));
    }

    private static bool InDomain(string group, string domain) =>
        group == domain || group.EndsWith("." + domain, StringComparison.Ordinal);
}
