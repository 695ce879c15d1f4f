using ManifestLint.Model;

namespace ManifestLint.Rules.Probes;

/// <summary>Shared check for ML401/ML402: long-running containers without a given probe.
/// Jobs, CronJobs and run-to-completion init containers finish by design and are never flagged.</summary>
public abstract class MissingProbeRule : IRule
{
    public abstract RuleDescriptor Descriptor { get; }

    protected abstract string ProbeField { get; }

    protected abstract string Consequence { get; }

    protected abstract Probe? ProbeOf(Container container);

    /// <summary>Should this container be reported, and at most at which level (null: the rule's level)?</summary>
    protected abstract (bool Report, Level? Cap) Judge(Container container, bool selectedByService);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var selected = ProbeSites.Selected(model);
        foreach (var (workload, container) in ProbeSites.LongRunning(model))
        {
            if (ProbeOf(container) is not null) continue;
            var (report, cap) = Judge(container, selected.Contains(workload));
            if (!report) continue;
            context.Report(container.Span,
                $"Container `{container.Name}` in {workload.Ref} has no `{ProbeField}`; {Consequence} Add a `{ProbeField}` (httpGet on a health route, or tcpSocket on the serving port).",
                container.Name, workload.Ref, cap);
        }
    }
}
