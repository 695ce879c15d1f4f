using ManifestLint.Model;

namespace ManifestLint.Rules.Probes;

/// <summary>ML406: liveness and readiness are the same check with the same timings: when a dependency is slow,
/// the kubelet restarts healthy pods instead of just taking them out of rotation. Opt-in: identical probes on a
/// process-only endpoint are common and mostly harmless (ML407 catches the harmful kind, a liveness check of dependencies).</summary>
public sealed class IdenticalProbesRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML406", "identical-probes", "probes-health", Level.Note, EnabledByDefault: false);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var (workload, container) in ProbeSites.LongRunning(model))
        {
            if (container is not { LivenessProbe: { } live, ReadinessProbe: { } ready } || !live.SameCheckAs(ready)) continue;
            if (live.GiveUpAfterSeconds != ready.GiveUpAfterSeconds || live.TimeoutSeconds != ready.TimeoutSeconds) continue;
            context.Report(live.Span,
                $"The liveness and readiness probes of container `{container.Name}` in {workload.Ref} are the same check with the same timings; when the app is slow or a dependency is down, " +
                "the kubelet restarts it at the moment it should only be taken out of the Service. Make liveness cheaper and more tolerant (a process-only endpoint, a higher `failureThreshold`).",
                container.Name, workload.Ref);
        }
    }
}
