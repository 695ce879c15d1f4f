namespace ManifestLint.Rules.Networking;

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

    public static (string Name, string Namespace)? Resolve(string host, string fromNamespace, IReadOnlySet<string> knownNamespaces)
    {
        var labels = host.Split('.');
        return labels.Length switch
        {
            1 => (labels[0], fromNamespace),
            // `name.ns` only when ns is a namespace the project knows; otherwise it looks like an external domain.
            2 when knownNamespaces.Contains(labels[1]) && !PublicSuffixes.Contains(labels[1]) => (labels[0], labels[1]),
            3 when labels[2] == "svc" => (labels[0], labels[1]),
            5 when host.EndsWith(".svc.cluster.local", StringComparison.Ordinal) => (labels[0], labels[1]),
            _ => null,
        };
    }
}
