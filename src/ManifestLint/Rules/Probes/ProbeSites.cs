using ManifestLint.Model;

namespace ManifestLint.Rules.Probes;

/// <summary>A probe of a long-running container, with the app linked to that container (if any).</summary>
internal sealed record ProbeSite(KubeObject Workload, Container Container, string Field, Probe Probe, AppLink? Link);

internal static class ProbeSites
{
    /// <summary>Containers that run for the pod's life: the containers of long-running workloads, and their
    /// sidecar-style init containers (`restartPolicy: Always`).</summary>
    public static IEnumerable<(KubeObject Workload, Container Container)> LongRunning(ProjectModel model) =>
        model.Workloads.Where(w => w.IsLongRunningWorkload).SelectMany(w =>
            w.PodTemplate!.Containers.Concat(w.PodTemplate.InitContainers.Where(c => c.RestartPolicy == "Always"))
                .Where(c => c.Name.Length > 0).Select(c => (w, c))); // a nameless container is the API server's to reject

    public static IReadOnlyList<ProbeSite> All(ProjectModel model) => model.Memo(nameof(ProbeSites), null, () => Compute(model).ToList());

    private static IEnumerable<ProbeSite> Compute(ProjectModel model)
    {
        var links = model.Links.ToDictionary(l => (l.Workload, l.Container), l => l);
        foreach (var (workload, container) in LongRunning(model))
        {
            var link = links.GetValueOrDefault((workload, container));
            foreach (var (field, probe) in new[] { ("startupProbe", container.StartupProbe), ("readinessProbe", container.ReadinessProbe), ("livenessProbe", container.LivenessProbe) })
            {
                if (probe is not null) yield return new ProbeSite(workload, container, field, probe, link);
            }
        }
    }

    /// <summary>Workloads some Service in their namespace selects.</summary>
    public static IReadOnlySet<KubeObject> Selected(ProjectModel model) => model.Memo(nameof(Selected), null, () =>
        model.Objects.Where(o => o.Service is { Selector.Count: > 0, Type: not "ExternalName" })
            .SelectMany(s => model.SelectPods(s.Namespace, s.Service!.Selector).Where(w => model.SameBuild(s.Span.File, w.Span.File))).ToHashSet());

    /// <summary>The probe's port as a number: numeric, or a named port resolved through the container's ports.</summary>
    public static int? PortNumber(Probe probe, Container container) =>
        int.TryParse(probe.Port, out var n) ? n : container.Ports.FirstOrDefault(p => p.Name == probe.Port)?.Number;
}
