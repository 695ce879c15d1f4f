using ManifestLint.Model;

namespace ManifestLint.Rules.EnvConfig;

/// <summary>ML304: a secret written as a plain `value:` in a manifest (committed, readable by anyone who
/// can read the repository or the Deployment).</summary>
public sealed class PlaintextSecretRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML304", "plaintext-secret-env", "env-config", Level.Warning);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var workload in model.Workloads)
        {
            foreach (var container in workload.PodTemplate!.Containers.Concat(workload.PodTemplate.InitContainers))
            {
                foreach (var env in container.Env)
                {
                    if (env.ValueSpan is not { } span || string.IsNullOrWhiteSpace(env.Value) || env.Value.Contains("$(", StringComparison.Ordinal)) continue;
                    if (!SecretNames.IsSecret(env.Name)) continue;
                    context.Report(span,
                        $"`{env.Name}` of container `{container.Name}` in {workload.Ref} is a secret written in plain text: anyone who can read the repository " +
                        "or the workload (`kubectl get -o yaml`) can read it. Move it to a Secret and use `valueFrom: { secretKeyRef: ... }` (or a SealedSecret/ExternalSecret).",
                        env.Name, workload.Ref);
                }
            }
        }
    }
}
