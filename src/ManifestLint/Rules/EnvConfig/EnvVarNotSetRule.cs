using ManifestLint.Model;

namespace ManifestLint.Rules.EnvConfig;

/// <summary>ML301: the app in a container reads an environment variable, with no fallback,
/// that the container never receives.</summary>
public sealed class EnvVarNotSetRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML301", "env-var-not-set", "env-config", Level.Error);

    /// <summary>Variables that code conventionally reads as optional (unset means "default mode"),
    /// and npm's own `npm_*` variables, which are set when the app starts through npm.</summary>
    private static readonly HashSet<string> OptionalByConvention = new(StringComparer.Ordinal)
    {
        "NODE_ENV", "DEBUG", "NODE_DEBUG", "NODE_OPTIONS", "TZ", "CI",
    };

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var link in model.Links)
        {
            var provided = ContainerEnvironment.Provided(model, link);
            if (provided is null) continue;
            var allReads = EnvReads.All(model, link.ReachableFiles);
            foreach (var (name, read) in EnvReads.Required(allReads))
            {
                if (provided.Contains(name) || OptionalByConvention.Contains(name) || name.StartsWith("npm_", StringComparison.Ordinal)) continue;
                var at = link.Container.EnvKeySpan ?? link.Container.Span;
                var typo = link.Container.Env.Select(e => e.Name).Where(set => !allReads.Contains(set) && EnvReads.LooksLike(set, name)).FirstOrDefault();
                var hint = typo is null ? "" : $" The container sets `{typo}`, which the app never reads: a typo for `{name}`?";
                if (link.DotEnvDropped is { } dropped && model.DotEnvKeys.GetValueOrDefault(Linking.PathUtil.Join(link.Package.Dir, ".env"))?.Contains(name) == true)
                {
                    hint += $" It is in {link.Package.Dir}/.env, but {dropped}, so dotenv loads nothing there.";
                }
                context.Report(at,
                    $"{read.Span.File}:{read.Span.StartLine} reads `{name}` with no default; container `{link.Container.Name}` in {link.Workload.Ref} does not set it " +
                    $"(env, envFrom, Dockerfile ENV), so at runtime `process.env.{name}` is `undefined` (app {link.Package.File}, linked because {link.Evidence}).{hint} " +
                    $"Add it, e.g. `- name: {name}` with `valueFrom: {{ secretKeyRef: {{ name: <secret>, key: {name} }} }}` (or `value:` / a ConfigMap via `envFrom`), or give the read a default.",
                    name, link.Workload.Ref);
            }
        }
    }
}
