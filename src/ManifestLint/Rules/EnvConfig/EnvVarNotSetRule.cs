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
            foreach (var (name, read) in RequiredReads(model, link.ReachableFiles))
            {
                if (provided.Contains(name) || OptionalByConvention.Contains(name) || name.StartsWith("npm_", StringComparison.Ordinal)) continue;
                var at = link.Container.EnvKeySpan ?? link.Container.Span;
                context.Report(at,
                    $"`{name}` is read without a default at {read.Span.File}:{read.Span.StartLine} but container `{link.Container.Name}` of {link.Workload.Ref} " +
                    $"does not set it (app {link.Package.File}, linked because {link.Evidence}); at runtime `process.env.{name}` is `undefined`. " +
                    $"Set it under `env:` (value, configMapKeyRef or secretKeyRef) or through `envFrom`, or give the read a default.",
                    name, link.Workload.Ref);
            }
        }
    }

    /// <summary>Variables read as required values and never defaulted or tested anywhere in the app.</summary>
    private static IEnumerable<(string Name, EnvRead FirstRead)> RequiredReads(ProjectModel model, IReadOnlySet<string> files)
    {
        var reads = files.OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => model.Modules.TryGetValue(f, out var m) ? m.EnvReads : [])
            .GroupBy(r => r.Name, StringComparer.Ordinal);
        foreach (var group in reads.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (group.All(r => r.Kind == EnvReadKind.Required)) yield return (group.Key, group.First());
        }
    }
}
