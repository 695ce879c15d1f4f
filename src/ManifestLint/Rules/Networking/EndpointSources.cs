using System.Text;
using ManifestLint.Model;
using ManifestLint.Rules.EnvConfig;

namespace ManifestLint.Rules.Networking;

/// <summary>One endpoint a container may connect to, where it is written, and how it got there.
/// `Name`: the variable, property or constant that holds the value ("" when none is visible).</summary>
internal sealed record EndpointUse(Endpoint Endpoint, SourceSpan Span, string Origin, KubeObject Workload, Container Container, AppLink? Link, string Name);

/// <summary>Every endpoint a container's configuration or its app's code names: literal env values (after
/// Kubernetes `$(VAR)` expansion), ConfigMap/Secret values that reach the container, and URL/`host:`
/// literals in the files its app runs.</summary>
internal static class EndpointSources
{
    public static IReadOnlyList<EndpointUse> All(ProjectModel model) => model.Memo(nameof(EndpointSources), null, () => Compute(model).ToList());

    private static IEnumerable<EndpointUse> Compute(ProjectModel model)
    {
        var linked = model.Links.ToDictionary(l => (l.Workload, l.Container), l => l);
        foreach (var workload in model.Workloads)
        {
            foreach (var container in workload.PodTemplate!.Containers.Concat(workload.PodTemplate.InitContainers))
            {
                var link = linked.GetValueOrDefault((workload, container));
                foreach (var (variable, value, span, origin) in ConfiguredValues(model, workload, container))
                {
                    foreach (var endpoint in HostReference.Parse(variable, value)) yield return new EndpointUse(endpoint, span, origin, workload, container, link, variable);
                }
                if (link is null) continue;
                foreach (var use in CodeEndpoints(model, link)) yield return use;
            }
        }
    }

    /// <summary>URL and `host:` literals in the app's reachable files. A literal that is the fallback of an
    /// env read applies only when the container does not set that variable.</summary>
    private static IEnumerable<EndpointUse> CodeEndpoints(ProjectModel model, AppLink link)
    {
        var provided = ContainerEnvironment.Provided(model, link);
        foreach (var file in link.ReachableFiles.Order(StringComparer.Ordinal))
        {
            if (!model.Modules.TryGetValue(file, out var module)) continue;
            foreach (var literal in module.HostLiterals)
            {
                if (literal.FallbackFor is { } env && (provided is null || provided.Contains(env))) continue;
                var origin = $"{file}:{literal.Span.StartLine} in the code of app {link.Package.File}";
                foreach (var endpoint in HostReference.Parse(literal.IsHostProperty ? "CODE_HOST" : "", literal.Value))
                {
                    yield return new EndpointUse(endpoint, literal.Span, origin, link.Workload, link.Container, link, literal.Context ?? "");
                }
            }
        }
    }

    /// <summary>Literal env values, and ConfigMap/Secret values that reach the container.</summary>
    private static IEnumerable<(string Variable, string Value, SourceSpan Span, string Origin)> ConfiguredValues(ProjectModel model, KubeObject workload, Container container)
    {
        // Values `$(VAR)` can refer to: envFrom keys, then earlier env entries (Kubernetes' order).
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var fromValues = new List<(string, string, SourceSpan, string)>();
        foreach (var from in container.EnvFrom)
        {
            var kind = from.Kind == ConfigSourceKind.ConfigMap ? "ConfigMap" : "Secret";
            var data = model.Find(kind, workload.Namespace, from.Name)?.ConfigData;
            if (data is null) continue;
            foreach (var entry in data.Entries.Values)
            {
                if (entry.Value is null) continue;
                known[from.Prefix + entry.Key] = entry.Value;
                fromValues.Add((from.Prefix + entry.Key, entry.Value, entry.ValueSpan, $"{kind} `{from.Name}` key `{entry.Key}`"));
            }
        }
        var envValues = new List<(string, string, SourceSpan, string)>();
        foreach (var env in container.Env)
        {
            if (env.Value is not null && env.ValueSpan is { } span)
            {
                var value = Expand(env.Value, known);
                known[env.Name] = value;
                envValues.Add((env.Name, value, span, $"env `{env.Name}`"));
                continue;
            }
            foreach (var (kind, r) in new[] { ("ConfigMap", env.ConfigMapKeyRef), ("Secret", env.SecretKeyRef) })
            {
                if (r is not null && model.Find(kind, workload.Namespace, r.Name)?.ConfigData?.Entries.GetValueOrDefault(r.Key) is { Value: { } v } entry)
                {
                    known[env.Name] = v;
                    envValues.Add((env.Name, v, entry.ValueSpan, $"{kind} `{r.Name}` key `{r.Key}` (env `{env.Name}`)"));
                }
            }
        }
        return envValues.Concat(fromValues);
    }

    /// <summary>Kubernetes dependent variables: `$(VAR)` takes VAR's value when it is defined before; `$$`
    /// escapes; an unknown reference stays as written (and the value is then not judged).</summary>
    public static string Expand(string value, IReadOnlyDictionary<string, string> known)
    {
        if (!value.Contains('$', StringComparison.Ordinal)) return value;
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '$' || i + 1 >= value.Length) { result.Append(value[i]); continue; }
            if (value[i + 1] == '$') { result.Append("$$"); i++; continue; } // kept escaped: `$$(X)` is literal text, not a host
            var close = value[i + 1] == '(' ? value.IndexOf(')', i + 2) : -1;
            if (close > 0 && known.TryGetValue(value[(i + 2)..close], out var replacement))
            {
                result.Append(replacement);
                i = close;
                continue;
            }
            result.Append(value[i]);
        }
        return result.ToString();
    }
}
