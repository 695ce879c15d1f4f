namespace ManifestLint.Rules.Networking;

/// <summary>Cluster DNS: which Service (name, namespace) a host names, or null when it is external.</summary>
internal static class ServiceDns
{
    public static (string Name, string Namespace)? Resolve(string host, string fromNamespace, IReadOnlySet<string> knownNamespaces)
    {
        var labels = host.Split('.');
        return labels.Length switch
        {
            1 => (labels[0], fromNamespace),
            // `name.ns` only when ns is a namespace the project knows; otherwise it looks like an external domain.
            2 when knownNamespaces.Contains(labels[1]) => (labels[0], labels[1]),
            3 when labels[2] == "svc" => (labels[0], labels[1]),
            5 when host.EndsWith(".svc.cluster.local", StringComparison.Ordinal) => (labels[0], labels[1]),
            _ => null,
        };
    }
}
