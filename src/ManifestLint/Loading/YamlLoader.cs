using ManifestLint.Config;
using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Parses a (multi-document) YAML file into Kubernetes objects, or a located parse problem.</summary>
internal static class YamlLoader
{
    public static (IReadOnlyList<KubeObject> Objects, LoadProblem? Problem) Load(string file, string text, string defaultNamespace, string? namespaceOverride = null, InputLimits? limits = null)
    {
        limits ??= InputLimits.Default;
        var objects = new List<KubeObject>();
        if (!YamlText.TryLoad(text, limits.MaxNestingDepth, out var documents, out var error))
        {
            return (objects, error.TooDeep
                ? new LoadProblem(SourceSpan.At(file, error.Line, error.Column), "YAML", $"this YAML nests deeper than {limits.MaxNestingDepth} levels, so it is not analysed", "maxNestingDepth")
                : new LoadProblem(SourceSpan.At(file, error.Line, error.Column), "YAML", error.Message));
        }

        var reader = new KubeObjectReader(file, defaultNamespace, namespaceOverride);
        using var merges = MergeBudget.Enter(limits.MaxAliasMerges);
        foreach (var doc in documents)
        {
            reader.Read(doc, objects);
        }
        if (merges.FirstHit is { } hit)
        {
            return (objects, new LoadProblem(SourceSpan.At(file, (int)hit.Start.Line, (int)hit.Start.Column), "YAML",
                $"resolving the merge keys (`<<:`) here visits more than {limits.MaxAliasMerges} mappings, so keys merged in beyond that are not seen", "maxAliasMerges"));
        }
        return (objects, null);
    }
}
