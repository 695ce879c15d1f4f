using ManifestLint.Model;

namespace ManifestLint.Rules.Networking;

/// <summary>Resolving a host the way cluster DNS does, against the Services the project defines or declares.</summary>
internal static class ServiceLookup
{
    /// <summary>The DNS target of a cluster host name, or null when the host is external (or loopback/an IP).</summary>
    public static DnsTarget? Target(ProjectModel model, Endpoint endpoint, string fromNamespace) =>
        endpoint.IsLoopback || !HostReference.IsName(endpoint.Host)
            ? null
            : ServiceDns.Resolve(endpoint.Host, fromNamespace, model.KnownNamespaces, model.IsStatefulSetPod);

    /// <summary>A Service that exists without being in the repository: created by an operator for a custom
    /// resource (CloudNativePG `pg-rw`, Strimzi `events-kafka-bootstrap`), or declared in `external: services:`.</summary>
    public static bool ProvidedElsewhere(ProjectModel model, string name, string ns) =>
        model.CustomResourcesIn(ns).Any(cr => name == cr.Name || name.StartsWith(cr.Name + "-", StringComparison.Ordinal))
        || Config.ExternalObjects.Names(model.Config.External.Services, ns, name);

    /// <summary>Up to three Services in the namespace with the names closest to `name`, as a sentence.</summary>
    public static string NearestServices(ProjectModel model, string name, string ns)
    {
        var existing = model.ServicesIn(ns).Select(s => s.Name).Distinct()
            .OrderBy(n => EditDistance.Between(n, name)).ThenBy(n => n, StringComparer.Ordinal).Take(3).ToList();
        if (existing.Count == 0) return "";
        // A kustomize namePrefix/nameSuffix renamed the Service but not the host: `mongo` → `prod-mongo`.
        var renamed = model.ServicesIn(ns).Select(s => s.Name).Where(e => e.EndsWith("-" + name, StringComparison.Ordinal) || e.StartsWith(name + "-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).FirstOrDefault();
        var best = renamed ?? existing[0];
        var close = renamed is not null || EditDistance.Between(best, name) <= Math.Max(2, name.Length / 3) ? $" Did you mean `{best}`?" : "";
        return $"{close} Services in `{ns}`: {string.Join(", ", existing.Select(e => $"`{e}`"))}.";
    }
}
