using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>What kustomize does to a file's objects: namespace, name prefix/suffix, and labels added to pod
/// templates and selectors.</summary>
internal sealed record KustomizeTransform(
    string? Namespace,
    string Prefix,
    string Suffix,
    IReadOnlyDictionary<string, string> TemplateLabels,
    IReadOnlyDictionary<string, string> SelectorLabels)
{
    public static KustomizeTransform None { get; } = new(null, "", "", new Dictionary<string, string>(), new Dictionary<string, string>());

    public bool RenamesOrLabels => Prefix.Length + Suffix.Length + TemplateLabels.Count + SelectorLabels.Count > 0;

    /// <summary>`outer` applied on top of this kustomization's own transform: the outer namespace wins,
    /// prefixes and suffixes nest, outer labels win.</summary>
    public KustomizeTransform Under(KustomizeTransform outer) => new(
        outer.Namespace ?? Namespace,
        outer.Prefix + Prefix,
        Suffix + outer.Suffix,
        Merge(TemplateLabels, outer.TemplateLabels),
        Merge(SelectorLabels, outer.SelectorLabels));

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> inner, IReadOnlyDictionary<string, string> outer)
    {
        var merged = new Dictionary<string, string>(inner, StringComparer.Ordinal);
        foreach (var (k, v) in outer) merged[k] = v;
        return merged;
    }

    /// <summary>Value identity (for "do all builds agree?").</summary>
    public string Key => $"{Namespace}|{Prefix}|{Suffix}|{string.Join(",", TemplateLabels.OrderBy(k => k.Key, StringComparer.Ordinal))}|{string.Join(",", SelectorLabels.OrderBy(k => k.Key, StringComparer.Ordinal))}";
}

/// <summary>Kustomize builds: each root kustomization (one no other kustomization includes) renders the
/// files it reaches through `resources`, with the transforms of every kustomization on the way. A file gets
/// a transform only when every build that renders it agrees (overlays that disagree: none is assumed).</summary>
internal static class KustomizeBuilds
{
    private const int MaxDepth = 32;

    public static Dictionary<string, KustomizeTransform> Transforms(IReadOnlyCollection<Kustomization> kustomizations, IEnumerable<string> yamlFiles)
    {
        var files = yamlFiles.Order(StringComparer.Ordinal).ToArray();
        var byDir = kustomizations.OrderBy(k => k.File, StringComparer.Ordinal).GroupBy(k => k.Dir).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var included = kustomizations.SelectMany(k => k.Resources).Where(byDir.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var perFile = new Dictionary<string, Dictionary<string, KustomizeTransform>>(StringComparer.Ordinal);
        foreach (var root in byDir.Values.Where(k => !included.Contains(k.Dir)).OrderBy(k => k.Dir, StringComparer.Ordinal))
        {
            var pending = new Stack<(Kustomization K, KustomizeTransform Outer, int Depth)>();
            pending.Push((root, KustomizeTransform.None, 0));
            var visiting = new HashSet<string>(StringComparer.Ordinal);
            while (pending.Count > 0)
            {
                var (k, outer, depth) = pending.Pop();
                if (depth > MaxDepth || !visiting.Add(k.Dir)) continue; // cycles and absurd nesting: stop
                var composed = Own(k).Under(outer);
                Add(perFile, k.File, composed); // the kustomization's generated ConfigMaps/Secrets
                foreach (var resource in k.Resources)
                {
                    if (byDir.TryGetValue(resource, out var child)) pending.Push((child, composed, depth + 1));
                    else foreach (var file in KustomizePaths.Under(files, resource)) Add(perFile, file, composed);
                }
            }
        }
        return perFile.Where(p => p.Value.Count == 1).ToDictionary(p => p.Key, p => p.Value.Values.First(), StringComparer.Ordinal);
    }

    private static KustomizeTransform Own(Kustomization k) => new(k.Namespace, k.NamePrefix, k.NameSuffix, k.TemplateLabels, k.SelectorLabels);

    private static void Add(Dictionary<string, Dictionary<string, KustomizeTransform>> perFile, string file, KustomizeTransform t)
    {
        if (!perFile.TryGetValue(file, out var set)) perFile[file] = set = new Dictionary<string, KustomizeTransform>(StringComparer.Ordinal);
        set.TryAdd(t.Key, t);
    }
}
