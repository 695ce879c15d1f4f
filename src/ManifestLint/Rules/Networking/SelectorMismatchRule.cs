using ManifestLint.Model;

namespace ManifestLint.Rules.Networking;

/// <summary>ML210: an apps/v1 controller whose `spec.selector` does not select its own pod template (or is
/// missing): the API server rejects the object, so nothing in the file is deployed.</summary>
public sealed class SelectorMismatchRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML210", "selector-mismatch", "services-networking", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var workload in model.Workloads.Where(w => w.Selector is not null && w.ApiVersion is "apps/v1"))
        {
            var selector = workload.Selector!;
            var labels = workload.PodTemplate!.Labels;
            if (!selector.Present)
            {
                context.Report(selector.Span,
                    $"{workload.Ref} has no `spec.selector`, which apps/v1 requires; the API server rejects it (`spec.selector: Required value`). " +
                    (labels.Count > 0
                        ? $"Add `selector: {{ matchLabels: {{ {string.Join(", ", labels.Select(kv => $"{kv.Key}: {kv.Value}"))} }} }}` matching the template's labels."
                        : "Give the pod template labels (`template.metadata.labels`) and add a `selector.matchLabels` equal to them."),
                    "missing", workload.Ref);
                continue;
            }
            var missing = selector.MatchLabels.Where(kv => !labels.TryGetValue(kv.Key, out var v) || v != kv.Value).Select(kv => $"{kv.Key}: {kv.Value}")
                .Concat(selector.MatchExpressions.Where(e => !e.Matches(labels)).Select(e => $"{e.Key} {e.Operator} [{string.Join(", ", e.Values)}]")).ToList();
            if (missing.Count == 0 && selector.MatchLabels.Count + selector.MatchExpressions.Count > 0) continue;
            var why = missing.Count > 0 ? $"requires {string.Join(", ", missing)}, which the template's labels {{ {string.Join(", ", labels.Select(kv => $"{kv.Key}: {kv.Value}"))} }} do not satisfy" : "is empty";
            context.Report(selector.Span,
                $"The selector of {workload.Ref} {why}; the API server rejects the object (`selector does not match template labels`), so it is never created. " +
                "Make `spec.selector.matchLabels` a subset of `spec.template.metadata.labels`.",
                string.Join(",", missing), workload.Ref);
        }
    }
}
