using ManifestLint.Model;

namespace ManifestLint.Rules.EnvConfig;

/// <summary>The variable names a container is known to receive, or null when it cannot be known
/// (an envFrom names an object defined outside the project).</summary>
internal static class ContainerEnvironment
{
    /// <summary>Set by Kubernetes in every container, or by the official node images.</summary>
    internal static readonly HashSet<string> Injected = new(StringComparer.Ordinal)
    {
        "HOSTNAME", "HOME", "PATH", "KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT", "KUBERNETES_SERVICE_PORT_HTTPS",
        "KUBERNETES_PORT", "NODE_VERSION", "YARN_VERSION",
    };

    public static ProvidedEnv? Provided(ProjectModel model, AppLink link) => model.Memo(nameof(ContainerEnvironment), link, () => Compute(model, link));

    private static ProvidedEnv? Compute(ProjectModel model, AppLink link)
    {
        var (workload, container, image) = (link.Workload, link.Container, link.Image);
        // A kustomize patch may add variables, and a dotenv file at a path we do not follow may hold any: unknown.
        if (model.IsPatched(workload) || link.EnvFilesUnknown) return null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var env in container.Env) names.Add(env.Name);
        foreach (var from in container.EnvFrom)
        {
            var kind = from.Kind == ConfigSourceKind.ConfigMap ? "ConfigMap" : "Secret";
            var data = model.Find(kind, workload.Namespace, from.Name)?.ConfigData;
            // Defined outside the project (another pipeline, a Helm chart): its keys are unknown.
            if (data is null || data.KeysUnknown) return null;
            foreach (var key in data.Entries.Keys) names.Add(from.Prefix + key);
        }
        if (image?.Final is { } stage)
        {
            foreach (var key in stage.Env.Keys) names.Add(key);
        }
        foreach (var envFile in link.EnvFiles)
        {
            if (model.DotEnvKeys.TryGetValue(envFile, out var keys)) names.UnionWith(keys);
        }
        names.UnionWith(model.Config.External.Env);
        // Service links: <NAME>_SERVICE_HOST / _PORT for each Service in the namespace, unless disabled. Matched by
        // name against one set per namespace: spelled out per container they would be containers × Services.
        var serviceLinks = workload.PodTemplate!.EnableServiceLinks
            ? model.Memo("ServiceLinkPrefixes", workload.Namespace, () => (IReadOnlySet<string>)model.ServicesIn(workload.Namespace)
                .Select(s => s.Name.ToUpperInvariant().Replace('-', '_')).ToHashSet(StringComparer.Ordinal))
            : null;
        names.TrimExcess(); // kept for the run, one per linked container
        return new ProvidedEnv(names, serviceLinks);
    }
}

/// <summary>The variables a container is known to get: explicit names, plus the Service-link variables
/// (`<SERVICE>_SERVICE_HOST`, `<SERVICE>_SERVICE_PORT`) of its namespace when service links are on.</summary>
internal sealed class ProvidedEnv(HashSet<string> names, IReadOnlySet<string>? serviceLinkPrefixes)
{
    private const string HostSuffix = "_SERVICE_HOST";
    private const string PortSuffix = "_SERVICE_PORT";

    public bool Contains(string name)
    {
        if (names.Contains(name) || ContainerEnvironment.Injected.Contains(name)) return true;
        if (serviceLinkPrefixes is null) return false;
        var suffix = name.EndsWith(HostSuffix, StringComparison.Ordinal) ? HostSuffix : name.EndsWith(PortSuffix, StringComparison.Ordinal) ? PortSuffix : null;
        return suffix is not null && serviceLinkPrefixes.Contains(name[..^suffix.Length]);
    }
}
