using System.Globalization;
using ManifestLint.Model;

namespace ManifestLint.Rules.Networking;

/// <summary>One Service port and one pod template it sends traffic to.</summary>
internal sealed record ServiceTarget(KubeObject Service, ServicePort Port, KubeObject Workload)
{
    /// <summary>The pod's serving containers: its containers and native sidecars (init containers with
    /// `restartPolicy: Always`), whose named ports Kubernetes also resolves.</summary>
    public IEnumerable<Container> Containers =>
        Workload.PodTemplate!.Containers.Concat(Workload.PodTemplate.InitContainers.Where(c => c.RestartPolicy == "Always"));

    /// <summary>The container port the target names: by port name, or the number itself.</summary>
    public (Container Container, int Number)? Resolve()
    {
        if (Port.Target is not { } target) return null;
        if (int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            var declaring = Containers.FirstOrDefault(c => c.Ports.Any(p => p.Number == number));
            return declaring is null ? null : (declaring, number);
        }
        foreach (var container in Containers)
        {
            if (container.Ports.FirstOrDefault(p => p.Name == target) is { Number: { } named }) return (container, named);
        }
        return null;
    }

    public bool IsNamed => Port.Target is { } t && !int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}

internal static class ServiceTargets
{
    /// <summary>Every (Service port, selected pod template) pair, Services in document order.</summary>
    public static IReadOnlyList<ServiceTarget> All(ProjectModel model) => model.Memo(nameof(ServiceTargets), null, () => Compute(model).ToList());

    private static IEnumerable<ServiceTarget> Compute(ProjectModel model)
    {
        foreach (var service in model.Objects.Where(o => o.Service is { Selector.Count: > 0, Type: not "ExternalName" }))
        {
            var selected = model.SelectPods(service.Namespace, service.Service!.Selector).Where(w => model.SameBuild(service.Span.File, w.Span.File)).ToList();
            foreach (var port in service.Service.Ports)
            {
                foreach (var workload in selected) yield return new ServiceTarget(service, port, workload);
            }
        }
    }
}
