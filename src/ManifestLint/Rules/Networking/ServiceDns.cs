namespace ManifestLint.Rules.Networking;

/// <summary>The Service a cluster host name resolves through. `PodDns`: a StatefulSet pod record
/// (`pod-0.headless…`), which exists only under a headless Service.</summary>
internal readonly record struct DnsTarget(string Name, string Namespace, bool PodDns);

/// <summary>Cluster DNS: which Service (name, namespace) a host names, or null when it is external.</summary>
internal static class ServiceDns
{
    /// <summary>Namespaces that are also common public top-level domains: `acme.dev` is a website, not
    /// Service `acme` in namespace `dev`.</summary>
    private static readonly HashSet<string> PublicSuffixes = new(StringComparer.Ordinal)
    {
        "com", "net", "org", "io", "dev", "app", "ai", "co", "cloud", "tech", "info", "biz", "me", "us", "uk", "de",
        "fr", "eu", "xyz", "site", "online", "page", "sh", "so", "gg", "tv", "ly", "to", "run", "prod", "live", "shop",
        "store", "blog", "news", "api", "test", "local", "internal", "example",
    };

    public static (string Name, string Namespace)? Resolve(string host, string fromNamespace, IReadOnlySet<string> knownNamespaces) =>
        Resolve(host, fromNamespace, knownNamespaces, (_, _) => false) is { PodDns: false } t ? (t.Name, t.Namespace) : null;

    /// <summary>`isStatefulPod(label, ns)`: is `label` the name of a StatefulSet pod (`web-0`) in `ns`?
    /// A two- or three-label name is read as pod DNS only then, never by shape alone.</summary>
    public static DnsTarget? Resolve(string host, string fromNamespace, IReadOnlySet<string> knownNamespaces, Func<string, string, bool> isStatefulPod)
    {
        var labels = host.Split('.');
        bool Namespace(string ns) => knownNamespaces.Contains(ns) && !PublicSuffixes.Contains(ns);
        return labels.Length switch
        {
            1 => new DnsTarget(labels[0], fromNamespace, false),
            // `name.ns` only when ns is a namespace the project knows; otherwise it looks like an external domain.
            2 when Namespace(labels[1]) => new DnsTarget(labels[0], labels[1], false),
            2 when isStatefulPod(labels[0], fromNamespace) => new DnsTarget(labels[1], fromNamespace, true),
            3 when labels[2] == "svc" => new DnsTarget(labels[0], labels[1], false),
            3 when Namespace(labels[2]) && isStatefulPod(labels[0], labels[2]) => new DnsTarget(labels[1], labels[2], true),
            4 when labels[3] == "svc" => new DnsTarget(labels[1], labels[2], true),
            5 when host.EndsWith(".svc.cluster.local", StringComparison.Ordinal) => new DnsTarget(labels[0], labels[1], false),
            6 when host.EndsWith(".svc.cluster.local", StringComparison.Ordinal) => new DnsTarget(labels[1], labels[2], true),
            _ => null,
        };
    }
}
