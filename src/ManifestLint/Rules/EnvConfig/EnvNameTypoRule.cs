using ManifestLint.Model;

namespace ManifestLint.Rules.EnvConfig;

/// <summary>ML306: the container sets a variable the app never reads, while the app reads a near-identical
/// name the container does not set (`MONGO_URI` set, `MONGODB_URI ?? 'mongodb://localhost'` read): the
/// setting has no effect and the app silently runs on its fallback. Required reads are ML301's (with the
/// same hint), so they are not reported twice.</summary>
public sealed class EnvNameTypoRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML306", "env-name-typo", "env-config", Level.Warning);

    /// <summary>Variables the runtime or well-known SDKs read themselves: set for them, not for the app's code.</summary>
    private static readonly string[] ConsumedByRuntime =
    [
        "NODE_", "UV_", "TZ", "LANG", "LC_", "DEBUG", "HOME", "PATH", "HOSTNAME", "OTEL_", "AWS_", "AZURE_", "GOOGLE_", "GCLOUD_",
        "DD_", "NEW_RELIC_", "SENTRY_", "ELASTIC_APM_", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "SSL_", "npm_",
    ];

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var link in model.Links)
        {
            var provided = ContainerEnvironment.Provided(model, link);
            if (provided is null) continue;
            // `process.env[name]` could read anything: a variable that looks unread may be read there.
            if (link.ReachableFiles.Any(f => model.Modules.GetValueOrDefault(f)?.DynamicEnvReads > 0)) continue;
            var reads = EnvReads.All(model, link.ReachableFiles);
            var required = EnvReads.Required(reads).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var env in link.Container.Env)
            {
                if (reads.Contains(env.Name) || ConsumedByRuntime.Any(p => env.Name.StartsWith(p, StringComparison.Ordinal))) continue;
                var near = reads.Where(g => !provided.Contains(g.Key) && !required.Contains(g.Key) && EnvReads.LooksLike(env.Name, g.Key))
                    .OrderBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault();
                if (near is null) continue;
                var read = near.First();
                var how = near.Any(r => r.Kind == EnvReadKind.Defaulted) ? "falls back to its default" : "treats it as unset";
                context.Report(env.NameSpan,
                    $"Container `{link.Container.Name}` in {link.Workload.Ref} sets `{env.Name}`, which the app never reads, while {read.Span.File}:{read.Span.StartLine} reads `{near.Key}`, " +
                    $"which nothing sets: the setting has no effect and the app {how} (app {link.Package.File}, linked because {link.Evidence}). Did you mean `{near.Key}`? Rename the entry (or the read).",
                    env.Name, link.Workload.Ref);
            }
        }
    }
}
