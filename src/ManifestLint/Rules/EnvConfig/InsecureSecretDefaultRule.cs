using ManifestLint.Model;

namespace ManifestLint.Rules.EnvConfig;

/// <summary>ML303: a secret read with a hard-coded fallback (`JWT_SECRET || 'secret'`) that the container
/// does not set: the app runs, with a secret anyone can read in the source.</summary>
public sealed class InsecureSecretDefaultRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML303", "insecure-secret-default", "env-config", Level.Warning);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var reported = new HashSet<(string, SourceSpan)>();
        foreach (var link in model.Links)
        {
            var provided = ContainerEnvironment.Provided(model, link);
            if (provided is null) continue;
            foreach (var group in EnvReads.All(model, link.ReachableFiles))
            {
                if (provided.Contains(group.Key) || !SecretNames.IsSecret(group.Key)) continue;
                if (group.Where(r => !string.IsNullOrEmpty(r.DefaultValue)).Take(1).ToList() is not [var read]
                    || !reported.Add((group.Key, read.Span))) continue;
                context.Report(read.Span,
                    $"`{group.Key}` falls back to a hard-coded value here, and container `{link.Container.Name}` in {link.Workload.Ref} does not set it " +
                    $"({link.Container.Span}; app {link.Package.File}, linked because {link.Evidence}), so the app runs with a secret anyone can read in the source. Provide it from a Secret " +
                    $"(`valueFrom: {{ secretKeyRef: {{ name: <secret>, key: {group.Key} }} }}`) and drop the fallback, or fail fast when it is missing.",
                    group.Key, link.Workload.Ref);
            }
        }
    }
}
