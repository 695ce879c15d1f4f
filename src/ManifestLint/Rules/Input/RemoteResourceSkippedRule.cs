using ManifestLint.Model;

namespace ManifestLint.Rules.Input;

/// <summary>ML002: a kustomization lists remote resources, which an offline linter never fetches; findings
/// that depend on their objects may be missing. Said once per kustomization.</summary>
public sealed class RemoteResourceSkippedRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML002", "remote-resource-skipped", "input", Level.Note);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var kustomization in model.Kustomizations.Where(k => k.RemoteResources.Count > 0))
        {
            var (first, span) = kustomization.RemoteResources[0];
            var count = kustomization.RemoteResources.Count;
            context.Report(span,
                $"{kustomization.File} lists {count} remote resource{(count == 1 ? "" : "s")} (first: `{first}`); ManifestLint works offline and does not fetch {(count == 1 ? "it" : "them")}, " +
                "so Services, ConfigMaps and Secrets defined there are unknown and checks against them may be incomplete. Vendor the resources into the repository to have them linted, " +
                "or declare what they provide under `external:` in .manifestlint.yaml.",
                first);
        }
    }
}
