using ManifestLint.Model;

namespace ManifestLint.Rules.Probes;

/// <summary>Shared check for ML401/ML402: long-running containers without a given probe.
/// Jobs, CronJobs and init containers finish by design and are never flagged.</summary>
public abstract class MissingProbeRule : IRule
{
    public abstract RuleDescriptor Descriptor { get; }

    protected abstract string ProbeField { get; }

    protected abstract string Consequence { get; }

    protected abstract Probe? ProbeOf(Container container);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var workload in model.Workloads.Where(w => w.IsLongRunningWorkload))
        {
            foreach (var container in workload.PodTemplate!.Containers)
            {
                if (ProbeOf(container) is not null) continue;
                context.Report(container.Span,
                    $"Container `{container.Name}` in {workload.Ref} has no `{ProbeField}`; {Consequence} Add a `{ProbeField}` (httpGet on a health route, or tcpSocket on the serving port).",
                    container.Name, workload.Ref);
            }
        }
    }
}
