using System.Text.RegularExpressions;
using ManifestLint.Linking;
using ManifestLint.Model;
using ManifestLint.Loading.Yaml;

namespace ManifestLint.Loading;

/// <summary>GitHub Actions workflows: which image each step builds from which folder (link evidence):
/// `docker build -t IMAGE DIR` in a `run:` script, and `docker/build-push-action` `context:` + `tags:`
/// (directly, or through a `docker/metadata-action` step's `images:`).</summary>
internal static partial class WorkflowLoader
{
    private const string WorkflowDir = ".github/workflows/";

    public static bool IsWorkflowFile(string file) =>
        file.StartsWith(WorkflowDir, StringComparison.Ordinal) || file.Contains("/" + WorkflowDir, StringComparison.Ordinal);

    public static IEnumerable<ImageBuild> Builds(string file, string text)
    {
        // The manifest loader reports syntax errors.
        if (!YamlText.TryLoad(text, Config.InputLimits.Default.MaxNestingDepth, out var documents, out _)) return [];
        if (documents.Count == 0 || documents[0] is not YamlMappingNode workflow) return [];
        var root = file[..file.LastIndexOf(WorkflowDir, StringComparison.Ordinal)].TrimEnd('/');
        var builds = new List<ImageBuild>();
        foreach (var job in (workflow.Get("jobs") as YamlMappingNode)?.Children.Select(c => c.Value) ?? [])
        {
            var env = new Dictionary<string, string>(workflow.Get("env").StringMap(), StringComparer.Ordinal);
            foreach (var (k, v) in job.Get("env").StringMap()) env[k] = v;
            var jobDir = job.Get("defaults").Get("run").Str("working-directory");
            var metadataImages = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var step in job.Items("steps"))
            {
                var stepEnv = new Dictionary<string, string>(env, StringComparer.Ordinal);
                foreach (var (k, v) in step.Get("env").StringMap()) stepEnv[k] = v;
                var uses = step.Str("uses") ?? "";
                var with = step.Get("with");
                var origin = $"{file} step `{step.Str("name") ?? step.Str("id") ?? (uses.Length > 0 ? uses : "run")}`";
                if (uses.StartsWith("docker/metadata-action", StringComparison.Ordinal) && step.Str("id") is { } id)
                {
                    metadataImages[id] = List(with.Str("images")).Select(i => i.StartsWith("name=", StringComparison.Ordinal) ? i[5..] : i)
                        .Select(i => i.Split(',')[0]).Select(i => Substitute(i, stepEnv, metadataImages)).OfType<string>().ToList();
                }
                else if (uses.StartsWith("docker/build-push-action", StringComparison.Ordinal))
                {
                    var context = PathUtil.Join(root, with.Str("context") ?? ".");
                    foreach (var tag in List(with.Str("tags")).SelectMany(t => Expand(t, stepEnv, metadataImages)))
                    {
                        builds.Add(new ImageBuild(tag, context, origin, step.Span(file)));
                    }
                }
                else if (step.Str("run") is { } script)
                {
                    var dir = PathUtil.Join(root, step.Str("working-directory") ?? jobDir ?? ".");
                    foreach (var (tag, context) in DockerBuildCommands(script))
                    {
                        if (Substitute(tag, stepEnv, metadataImages) is { } image && Substitute(context, stepEnv, metadataImages) is { } ctx)
                        {
                            builds.Add(new ImageBuild(image, PathUtil.Join(dir, ctx), origin, step.Span(file)));
                        }
                    }
                }
            }
        }
        return builds;
    }

    /// <summary>Action inputs take lists one per line or comma-separated.</summary>
    private static IEnumerable<string> List(string? value) =>
        (value ?? "").Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(v => !v.StartsWith('#'));

    /// <summary>`${{ steps.meta.outputs.tags }}` stands for the images of that metadata step.</summary>
    private static IEnumerable<string> Expand(string tag, Dictionary<string, string> env, Dictionary<string, IReadOnlyList<string>> metadata)
    {
        var output = StepTagsPattern().Match(tag);
        if (output.Success) return metadata.GetValueOrDefault(output.Groups["id"].Value) ?? [];
        return Substitute(tag, env, metadata) is { } image ? [image] : [];
    }

    /// <summary>Replaces `${{ env.X }}`, `$X` and `${X}` from the workflow's env. An unknown expression in
    /// the tag is fine (`app:${{ github.sha }}`); one in the repository name makes the image unknowable.</summary>
    private static string? Substitute(string text, Dictionary<string, string> env, Dictionary<string, IReadOnlyList<string>> metadata)
    {
        var replaced = EnvExpressionPattern().Replace(text, m => env.GetValueOrDefault(m.Groups["name"].Value) ?? m.Value);
        replaced = ShellVariablePattern().Replace(replaced, m => env.GetValueOrDefault(m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Value) ?? m.Value);
        var unknown = replaced.IndexOf('$');
        if (unknown < 0) return replaced;
        var known = replaced[..unknown];
        // `ghcr.io/acme/app:${{ github.sha }}`: the repository is known, the tag is not (and need not be).
        return known.EndsWith(':') && known.LastIndexOf('/') < known.Length - 1 ? known[..^1] : null;
    }

    /// <summary>(tag, context) of each `docker build` / `docker buildx build` / `podman build` in a script.</summary>
    private static IEnumerable<(string Tag, string Context)> DockerBuildCommands(string script)
    {
        foreach (var command in CommandSeparator().Split(script.Replace("\\\n", " ", StringComparison.Ordinal)))
        {
            var words = command.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('"', '\'')).ToList();
            var build = BuildVerb(words);
            if (build < 0) continue;
            var tags = new List<string>();
            string? context = null;
            for (var i = build + 1; i < words.Count; i++)
            {
                var word = words[i];
                if (word.StartsWith("--tag=", StringComparison.Ordinal)) tags.Add(word[6..]);
                else if (word is "-t" or "--tag" && i + 1 < words.Count) tags.Add(words[++i]);
                else if (word.StartsWith("-t", StringComparison.Ordinal) && word.Length > 2 && !word.StartsWith("--", StringComparison.Ordinal)) tags.Add(word[2..]);
                else if (word.StartsWith('-')) { if (!word.Contains('=') && !BooleanFlags.Contains(word)) i++; }
                else context = word;
            }
            if (context is null || context.Contains("://", StringComparison.Ordinal) || context == "-") continue;
            foreach (var tag in tags) yield return (tag, context);
        }
    }

    /// <summary>Index of `build` in `docker build`, `docker buildx build`, `docker image build`, `podman build`; else -1.</summary>
    private static int BuildVerb(List<string> words)
    {
        var tool = words.FindIndex(w => w is "docker" or "podman" or "buildah");
        if (tool < 0) return -1;
        for (var i = tool + 1; i < Math.Min(words.Count, tool + 3); i++)
        {
            if (words[i] is "build" or "bud") return i;
            if (words[i] is not ("buildx" or "image")) return -1;
        }
        return -1;
    }

    private static readonly HashSet<string> BooleanFlags = new(StringComparer.Ordinal)
    {
        "--push", "--load", "--no-cache", "--pull", "-q", "--quiet", "--rm", "--force-rm", "--squash", "--compress", "--sbom", "--provenance",
    };

    [GeneratedRegex(@"&&|\|\||;|\n|\|")]
    private static partial Regex CommandSeparator();

    [GeneratedRegex(@"\$\{\{\s*env\.(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex EnvExpressionPattern();

    [GeneratedRegex(@"\$(?:(?<a>[A-Za-z_][A-Za-z0-9_]*)|\{(?<b>[A-Za-z_][A-Za-z0-9_]*)\})")]
    private static partial Regex ShellVariablePattern();

    [GeneratedRegex(@"^\$\{\{\s*steps\.(?<id>[A-Za-z0-9_-]+)\.outputs\.tags\s*\}\}$")]
    private static partial Regex StepTagsPattern();
}
