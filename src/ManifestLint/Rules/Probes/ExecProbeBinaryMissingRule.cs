using ManifestLint.Model;

namespace ManifestLint.Rules.Probes;

/// <summary>ML410: an exec probe runs `curl`, `wget` or a shell that the container's image does not have
/// (distroless has no shell at all; node:*-alpine has busybox wget but no curl; node:*-slim has neither).</summary>
public sealed class ExecProbeBinaryMissingRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML410", "exec-probe-binary-missing", "probes-health", Level.Warning);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var site in ProbeSites.All(model))
        {
            if (site.Probe is not { Handler: "exec", Command.Count: > 0, CommandSpan: { } at } probe) continue;
            var stage = site.Link?.Image?.Final;
            var baseImage = stage?.BaseImage ?? site.Container.Image;
            if (ImageTools.Of(baseImage) is not { } tools) continue;
            // `RUN apk add curl` / `apt-get install -y curl wget` in the image's Dockerfile adds them.
            // Package names may carry a pinned version (`curl=8.9.1-r1`).
            var installed = stage?.Runs.SelectMany(r => r.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).Select(w => w.Split('=')[0]).ToHashSet(StringComparer.Ordinal) ?? [];
            var programs = Programs(probe.Command).ToList();
            var missing = programs.FirstOrDefault(p => !tools.Has(p) && !installed.Contains(p));
            if (missing is null) continue;
            // Exec'd directly, a missing program is a probe error (readiness never passes, liveness does nothing);
            // inside `sh -c`, the shell exits 127, which is a failure (liveness restarts the container in a loop).
            var consequence = missing == programs[0]
                ? (site.Field == "livenessProbe"
                    ? "the kubelet cannot start the probe (`executable file not found`), so liveness never detects a hung process"
                    : "the kubelet cannot start the probe (`executable file not found`), so it never passes")
                : (site.Field == "livenessProbe"
                    ? $"the shell exits 127 (`{missing}: not found`), so every check fails and the kubelet restarts the container in a loop"
                    : $"the shell exits 127 (`{missing}: not found`), so the probe never passes");
            context.Report(at,
                $"The `{site.Field}` of container `{site.Container.Name}` in {site.Workload.Ref} runs `{missing}`, which image `{baseImage}` does not contain ({tools.Description}); " +
                $"{consequence}. Use an httpGet or tcpSocket probe, or install the program in the image.",
                $"{site.Field}:{missing}", site.Workload.Ref);
        }
    }

    /// <summary>The programs a command runs: the first word, and for `sh -c "<script>"` the script's commands.</summary>
    private static IEnumerable<string> Programs(IReadOnlyList<string> command)
    {
        var first = Path.GetFileName(command[0]);
        yield return first;
        if (first is "sh" or "bash" or "ash" && command.Count >= 3 && command[1] == "-c")
        {
            foreach (var part in command[2].Split(["&&", "||", ";", "|"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var word = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                if (word is not null) yield return Path.GetFileName(word);
            }
        }
    }

    /// <summary>What a well-known Node base image ships. Unknown images: no judgement.</summary>
    private sealed record ImageTools(bool Shell, bool Bash, bool Curl, bool Wget, string Description)
    {
        public bool Has(string program) => program switch
        {
            "sh" => Shell,
            "ash" => Shell && !Bash, // busybox (alpine) has ash; Debian images do not
            "bash" => Bash,
            "curl" => Curl,
            "wget" => Wget,
            _ => true,
        };

        public static ImageTools? Of(string? image)
        {
            if (image is null) return null;
            var reference = ImageReference.Parse(image);
            // `:debug` distroless images and Chainguard `-dev` images ship a busybox shell.
            if (image.Contains(":debug", StringComparison.Ordinal) || image.Contains("-dev", StringComparison.Ordinal)) return null;
            if (image.Contains("distroless", StringComparison.Ordinal) || image.StartsWith("cgr.dev/chainguard/node", StringComparison.Ordinal))
            {
                return new ImageTools(false, false, false, false, "a distroless image: no shell, no curl, no wget");
            }
            if (reference is not { Repository: "node" or "library/node" or "docker.io/library/node" } r) return null;
            var tag = r.Tag ?? "latest";
            if (tag.Contains("alpine", StringComparison.Ordinal)) return new ImageTools(true, false, false, true, "node:*-alpine has busybox `sh` and `wget`, but no `bash` and no `curl`");
            if (tag.Contains("slim", StringComparison.Ordinal)) return new ImageTools(true, true, false, false, "node:*-slim has neither `curl` nor `wget`");
            return new ImageTools(true, true, true, true, "a Debian-based node image: sh, bash, curl and wget, but no busybox `ash`");
        }
    }
}
