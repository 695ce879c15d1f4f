using ManifestLint.Model;

namespace ManifestLint.Rules.Probes;

/// <summary>ML408: probe timings that defeat the probe: a timeout as long as the period (checks overlap and
/// every slow answer is a failure), or a liveness probe that gives up before readiness would.</summary>
public sealed class ProbeTimingRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML408", "probe-timing", "probes-health", Level.Warning);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var site in ProbeSites.All(model))
        {
            if (site.Probe is { TimeoutSpan: { } at, TimeoutSeconds: var timeout, PeriodSeconds: var period } && timeout >= period)
            {
                context.Report(at,
                    $"The `{site.Field}` of container `{site.Container.Name}` in {site.Workload.Ref} has `timeoutSeconds: {timeout}` ≥ `periodSeconds: {period}`; a slow answer uses up the whole period, " +
                    "the next check starts right after it, and latency alone counts as failures. Keep `timeoutSeconds` well below `periodSeconds`.",
                    $"{site.Field}:timeout", site.Workload.Ref);
            }
        }
        foreach (var (workload, container) in ProbeSites.LongRunning(model))
        {
            if (container is not { LivenessProbe: { } live, ReadinessProbe: { } ready } || container.StartupProbe is not null) continue;
            if (live.GiveUpAfterSeconds >= ready.GiveUpAfterSeconds) continue;
            context.Report(live.Span,
                $"The liveness probe of container `{container.Name}` in {workload.Ref} gives up after {live.GiveUpAfterSeconds}s (initialDelaySeconds + failureThreshold × periodSeconds), " +
                $"sooner than the readiness probe's {ready.GiveUpAfterSeconds}s; when the app starts slowly or stalls, the kubelet restarts it before readiness has even taken it out of the Service. " +
                "Give liveness at least the readiness budget, or add a `startupProbe`.",
                container.Name, workload.Ref);
        }
    }
}
