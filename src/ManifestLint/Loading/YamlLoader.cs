using ManifestLint.Config;
using ManifestLint.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ManifestLint.Loading;

/// <summary>Parses a (multi-document) YAML file into Kubernetes objects, or a located parse problem.</summary>
internal static class YamlLoader
{
    /// <summary>Kubernetes manifests nest about 20 levels; anything far deeper is hostile or broken.</summary>
    public const int MaxDepth = 256;

    public static (IReadOnlyList<KubeObject> Objects, LoadProblem? Problem) Load(string file, string text, string defaultNamespace, string? namespaceOverride = null, InputLimits? limits = null)
    {
        limits ??= InputLimits.Default;
        var objects = new List<KubeObject>();
        var (stream, error) = YamlText.Load(text, limits.MaxNestingDepth);
        if (error is NestingLimitException deep)
        {
            return (objects, new LoadProblem(SourceSpan.At(file, (int)deep.Start.Line, (int)deep.Start.Column), "YAML",
                $"this YAML nests deeper than {limits.MaxNestingDepth} levels, so it is not analysed", "maxNestingDepth"));
        }
        if (error is not null || stream is null)
        {
            var (line, column) = error is null ? (1, 1) : YamlErrorLocation.Of(error, text);
            return (objects, Problem(file, line, column, error?.Message ?? "invalid YAML"));
        }

        var reader = new KubeObjectReader(file, defaultNamespace, namespaceOverride);
        using var merges = MergeBudget.Enter(limits.MaxAliasMerges);
        foreach (var doc in stream.Documents)
        {
            reader.Read(doc.RootNode, objects);
        }
        if (merges.FirstHit is { } hit)
        {
            return (objects, new LoadProblem(SourceSpan.At(file, (int)hit.Start.Line, (int)hit.Start.Column), "YAML",
                $"resolving the merge keys (`<<:`) here visits more than {limits.MaxAliasMerges} mappings, so keys merged in beyond that are not seen", "maxAliasMerges"));
        }
        return (objects, null);
    }

    private static LoadProblem Problem(string file, int line, int column, string message)
    {
        line = Math.Max(line, 1);
        column = Math.Max(column, 1);
        return new LoadProblem(SourceSpan.At(file, line, column), "YAML", message);
    }
}
