using ManifestLint.Model;

namespace ManifestLint.Rules.EnvConfig;

/// <summary>ML302: configMapKeyRef / secretKeyRef / envFrom naming an object or key that no manifest defines.</summary>
public sealed class EnvRefMissingRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML302", "env-ref-missing", "env-config", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var workload in model.Workloads)
        {
            CheckVolumes(model, context, workload);
            foreach (var container in workload.PodTemplate!.Containers.Concat(workload.PodTemplate.InitContainers))
            {
                foreach (var env in container.Env)
                {
                    Check(model, context, workload, container, "ConfigMap", env.ConfigMapKeyRef);
                    Check(model, context, workload, container, "Secret", env.SecretKeyRef);
                }
                foreach (var from in container.EnvFrom.Where(f => !f.Optional))
                {
                    var kind = from.Kind == ConfigSourceKind.ConfigMap ? "ConfigMap" : "Secret";
                    if (model.Find(kind, workload.Namespace, from.Name) is not null || IsExternal(model, kind, workload.Namespace, from.Name)) continue;
                    context.Report(from.NameSpan,
                        $"envFrom of container `{container.Name}` in {workload.Ref} names {kind} `{from.Name}`, which no manifest defines in namespace `{workload.Namespace}`; " +
                        $"the pod fails with `CreateContainerConfigError: {kind.ToLowerInvariant()} \"{from.Name}\" not found`. Add the {kind}, fix the name, or set `optional: true`.",
                        $"{kind}/{from.Name}", workload.Ref);
                }
            }
        }
    }

    /// <summary>ConfigMap/Secret volumes: the object must exist (unless optional), and so must each selected key.
    /// Volumes see ConfigMap `binaryData` keys too.</summary>
    private static void CheckVolumes(ProjectModel model, RuleContext context, KubeObject workload)
    {
        foreach (var volume in workload.PodTemplate!.Volumes.Where(v => !v.Optional))
        {
            var kind = volume.Kind == ConfigSourceKind.ConfigMap ? "ConfigMap" : "Secret";
            var target = model.Find(kind, workload.Namespace, volume.Name);
            if (target is null && IsExternal(model, kind, workload.Namespace, volume.Name)) continue;
            if (target is null)
            {
                context.Report(volume.NameSpan,
                    $"Volume `{volume.Volume}` of {workload.Ref} mounts {kind} `{volume.Name}`, which no manifest defines in namespace `{workload.Namespace}`; " +
                    $"the pod stays in ContainerCreating with `MountVolume.SetUp failed for volume \"{volume.Volume}\" : {kind.ToLowerInvariant()} \"{volume.Name}\" not found`. " +
                    "Add the object, fix the name, or set `optional: true`.",
                    $"{kind}/{volume.Name}", workload.Ref);
                continue;
            }
            if (target.ConfigData is not { } data) continue;
            foreach (var (key, span) in volume.Items)
            {
                if (data.HasKey(key) || data.BinaryKeys.Contains(key)) continue;
                context.Report(span,
                    $"Volume `{volume.Volume}` of {workload.Ref} selects key `{key}`, which {kind} `{volume.Name}` does not have; the pod stays in ContainerCreating with " +
                    $"`MountVolume.SetUp failed for volume \"{volume.Volume}\" : {(volume.Kind == ConfigSourceKind.ConfigMap ? "configmap references non-existent config key" : "references non-existent secret key")}: {key}`. Add the key or fix `items`.",
                    $"{kind}/{volume.Name}/{key}", workload.Ref);
            }
        }
    }

    /// <summary>Declared in `.manifestlint.yaml` `external:` as created outside the repository.</summary>
    private static bool IsExternal(ProjectModel model, string kind, string ns, string name) =>
        Config.ExternalObjects.Names(kind == "ConfigMap" ? model.Config.External.ConfigMaps : model.Config.External.Secrets, ns, name);

    private static void Check(ProjectModel model, RuleContext context, KubeObject workload, Container container, string kind, KeyRef? reference)
    {
        if (reference is null || reference.Optional) return;
        var target = model.Find(kind, workload.Namespace, reference.Name);
        if (target is null && IsExternal(model, kind, workload.Namespace, reference.Name)) return;
        if (target is null)
        {
            context.Report(reference.NameSpan,
                $"Container `{container.Name}` in {workload.Ref} reads key `{reference.Key}` of {kind} `{reference.Name}`, which no manifest defines in namespace `{workload.Namespace}`; " +
                $"the pod fails with `CreateContainerConfigError: {kind.ToLowerInvariant()} \"{reference.Name}\" not found`. Add the {kind}, fix the name, or set `optional: true`.",
                $"{kind}/{reference.Name}", workload.Ref);
        }
        else if (target.ConfigData?.HasKey(reference.Key) == false)
        {
            var keys = string.Join(", ", target.ConfigData.Entries.Keys.Order(StringComparer.Ordinal).Take(8).Select(k => $"`{k}`"));
            context.Report(reference.KeySpan,
                $"{kind} `{reference.Name}` has no key `{reference.Key}` (keys: {(keys.Length == 0 ? "none" : keys)}); the pod fails with " +
                $"`CreateContainerConfigError: couldn't find key {reference.Key} in {kind} {workload.Namespace}/{reference.Name}`. Add the key, fix the reference, or set `optional: true`.",
                $"{kind}/{reference.Name}/{reference.Key}", workload.Ref);
        }
    }
}
