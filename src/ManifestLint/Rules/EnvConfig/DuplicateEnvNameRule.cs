using ManifestLint.Model;

namespace ManifestLint.Rules.EnvConfig;

/// <summary>ML305: the same variable twice in one container's `env`: Kubernetes keeps the last silently.</summary>
public sealed class DuplicateEnvNameRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML305", "duplicate-env-name", "env-config", Level.Warning);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var workload in model.Workloads)
        {
            foreach (var container in workload.PodTemplate!.Containers.Concat(workload.PodTemplate.InitContainers))
            {
                var first = new Dictionary<string, EnvVar>(StringComparer.Ordinal);
                foreach (var env in container.Env)
                {
                    if (!first.TryAdd(env.Name, env))
                    {
                        context.Report(env.NameSpan,
                            $"`{env.Name}` is set again in container `{container.Name}` of {workload.Ref} (first at line {first[env.Name].NameSpan.StartLine}); " +
                            "Kubernetes keeps the last entry (the API server only warns), so the earlier one is dead and edits to it do nothing. Remove one of them.",
                            env.Name, workload.Ref);
                    }
                }
            }
        }
    }
}
