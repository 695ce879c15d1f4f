using System.Text.RegularExpressions;
using ManifestLint.Model;

namespace ManifestLint.Linking;

/// <summary>Decides the Node version of each package, strongest source first: configuration
/// (`node:` / --node-version), the Dockerfile's `FROM node:&lt;tag&gt;`, `engines.node`'s lower bound,
/// `.nvmrc`/`.node-version`, then the newest LTS release ManifestLint knows.</summary>
internal static partial class NodeTargetResolver
{
    /// <summary>No source names a version: the newest release of the newest LTS line, as one version.</summary>
    public static NodeTarget Default { get; } = Span(NodeReleases.LtsMajor, null, null, "") is { } lts
        ? new NodeTarget(lts.Newest, lts.Newest, "default: the newest LTS release ManifestLint knows; set `node:` or --node-version to change it") { IsDefault = true }
        : new NodeTarget(NodeReleases.Newest, NodeReleases.Newest, "default") { IsDefault = true };

    /// <summary>Docker Hub codenames of LTS lines.</summary>
    private static readonly Dictionary<string, int> Codenames = new(StringComparer.Ordinal)
    {
        ["gallium"] = 16, ["hydrogen"] = 18, ["iron"] = 20, ["jod"] = 22, ["krypton"] = 24,
    };

    public static void Resolve(ProjectModel model)
    {
        var targets = new Dictionary<string, NodeTarget>(StringComparer.Ordinal);
        var configured = model.Config.NodeVersion is { } text && NodeVersion.Parse(text) is { } fixedVersion
            ? FromPartial(text, fixedVersion, $"configured node: {text}")
            : null;
        foreach (var package in model.Packages.Values)
        {
            targets[package.Dir] = configured
                ?? FromDockerfile(model, package)
                ?? FromEngines(package)
                ?? FromVersionFile(model, package.Dir)
                ?? Default;
        }
        model.NodeTargets = targets;
        model.DefaultNodeTarget = configured ?? FromVersionFile(model, "") ?? Default;
    }

    private static NodeTarget? FromDockerfile(ProjectModel model, NodePackage package)
    {
        var recipe = Dockerfiles.Preferred(model.ImagesIn(package.Dir).Where(i => i.Final is not null));
        if (recipe is null || Dockerfiles.FinalBase(recipe) is not { } stage) return null;
        return FromImage(stage.BaseImage, $"{stage.BaseImage} in {recipe.File}:{stage.Span.StartLine}");
    }

    /// <summary>`node:20-alpine`, `node:22.12-slim`, `node:lts`, `gcr.io/distroless/nodejs20-debian12`, `cgr.dev/chainguard/node`.</summary>
    public static NodeTarget? FromImage(string image, string source)
    {
        if (ImageReference.Parse(image) is not { } reference) return null;
        if (reference.HasDigest && reference.Tag is null) return null; // digest only: no version to read
        var repo = reference.Name;
        var tag = reference.Tag ?? "latest";
        if (DistrolessPattern().Match(repo) is { Success: true } distroless)
        {
            return Span(int.Parse(distroless.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), null, null, source);
        }
        if (repo != "node") return null;
        var head = tag.Split('-')[0];
        if (tag.Contains('$', StringComparison.Ordinal)) return null; // ARG-substituted
        if (NodeVersion.Parse(head) is { } version) return FromPartial(head, version, source);
        if (head.StartsWith("lts", StringComparison.Ordinal)) return Span(NodeReleases.LtsMajor, null, null, source);
        if (Codenames.TryGetValue(head, out var major)) return Span(major, null, null, source);
        if (head is "latest" or "current" or "alpine" or "slim" or "bookworm" or "bullseye" or "trixie" or "bookworm-slim")
        {
            return Span(NodeReleases.Newest.Major, null, null, source);
        }
        return null;
    }

    private static NodeTarget? FromEngines(NodePackage package)
    {
        if (package.EnginesNode is not { } range) return null;
        // The lower bound of the first comparator set: `>=18`, `^20.11.0`, `20.x`, `~22.12`, `>=18 <21`.
        var first = range.Split("||")[0].Trim();
        var match = LowerBoundPattern().Match(first);
        if (!match.Success || first.StartsWith('<')) return null;
        var version = NodeVersion.Parse(match.Groups[1].Value.Replace(".x", "", StringComparison.Ordinal));
        return version is { } v ? new NodeTarget(v, v, $"engines.node \"{range}\" in {package.File} (lower bound)") : null;
    }

    private static NodeTarget? FromVersionFile(ProjectModel model, string dir)
    {
        for (var d = dir; ; d = PathUtil.DirOf(d))
        {
            foreach (var name in new[] { ".nvmrc", ".node-version" })
            {
                var path = d.Length == 0 ? name : d + "/" + name;
                if (!model.NodeVersionFiles.TryGetValue(path, out var text)) continue;
                var line = text.Split('\n')[0].Trim();
                var source = $"{path}: {line}";
                if (NodeVersion.Parse(line) is { } v) return FromPartial(line.TrimStart('v'), v, source);
                if (line.StartsWith("lts/", StringComparison.Ordinal))
                {
                    var codename = line[4..].ToLowerInvariant();
                    return Span(Codenames.GetValueOrDefault(codename, NodeReleases.LtsMajor), null, null, source);
                }
                if (line is "node" or "latest" or "current") return Span(NodeReleases.Newest.Major, null, null, source);
            }
            if (d.Length == 0) return null;
        }
    }

    /// <summary>`20` and `22.12` are moving (all known releases of that line/minor); `22.12.0` is exact.</summary>
    private static NodeTarget? FromPartial(string text, NodeVersion version, string source)
    {
        var parts = text.Trim().TrimStart('v').Split('.').Length;
        return parts >= 3
            ? new NodeTarget(version, version, source)
            : Span(version.Major, parts == 2 ? version.Minor : null, version, source);
    }

    private static NodeTarget? Span(int major, int? minor, NodeVersion? fallback, string source)
    {
        var known = NodeReleases.Matching(major, minor);
        if (known.Count > 0) return new NodeTarget(known[^1], known[0], source);
        var v = fallback ?? new NodeVersion(major, minor ?? 0, 0);
        return new NodeTarget(v, v, source);
    }

    [GeneratedRegex(@"^nodejs(\d+)")]
    private static partial Regex DistrolessPattern();

    [GeneratedRegex(@"^(?:>=|\^|~|=|v)?\s*(\d+(?:\.(?:\d+|x))?(?:\.(?:\d+|x))?)")]
    private static partial Regex LowerBoundPattern();
}
