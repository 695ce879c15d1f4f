using ManifestLint.Linking;
using ManifestLint.Model;
using ManifestLint.Loading.Yaml;

namespace ManifestLint.Loading;

/// <summary>docker-compose files: which image each service builds from which folder (link evidence).</summary>
internal static class ComposeLoader
{
    public static bool IsComposeFile(string file)
    {
        var name = Path.GetFileName(file);
        return name.StartsWith("docker-compose", StringComparison.Ordinal) || name is "compose.yml" or "compose.yaml";
    }

    public static IEnumerable<ImageBuild> Builds(string file, string text)
    {
        // The manifest loader reports syntax errors.
        if (!YamlText.TryLoad(text, Config.InputLimits.Default.MaxNestingDepth, out var documents, out _)) yield break;
        if (documents.Count == 0 || documents[0].Get("services") is not YamlMappingNode services) yield break;
        var dir = PathUtil.DirOf(file);
        foreach (var (nameNode, service) in services.Children)
        {
            var image = service.Str("image");
            var build = service.Get("build");
            var context = build.Str() ?? build.Str("context");
            if (image is null || context is null) continue;
            yield return new ImageBuild(image, PathUtil.Join(dir, context), $"{file} service `{nameNode.Str()}`", service.Span(file));
        }
    }
}
